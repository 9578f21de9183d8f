package jp.madoguchi.staff.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.staff.StaffMember;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * サインイン — checks a staff member's 団体コード, ユーザーID and password, with a lockout after repeated failures.
 * Each outcome is committed in its own transaction (a failed attempt is counted even though sign-in fails) and
 * appended to the audit trail.
 */
@Service
class StaffSignIn {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final String BAD_CREDENTIALS = "団体コード、ユーザーID、またはパスワードが正しくありません。";

    /** The outcome of a sign-in attempt: a member, or a Japanese message for the sign-in page. */
    record Result(Optional<StaffMember> member, String message) {
        static Result refused(String message) {
            return new Result(Optional.empty(), message);
        }
    }

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** A hash to compare against when the account does not exist, so that timing does not reveal it. */
    private final String dummyHash;

    StaffSignIn(StaffAccountRepository accounts, PasswordEncoder passwords, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    Result attempt(String municipalityCode, String loginId, String password) {
        String code = municipalityCode == null ? "" : municipalityCode.strip();
        if (!code.matches("[0-9]{6}")) {
            return Result.refused("団体コードは6桁の半角数字で入力してください。");
        }
        if (!CheckDigits.isValidMunicipalityCode(code)) {
            return Result.refused("団体コード「" + code + "」の検査数字（6桁目）が正しくありません。");
        }
        if (loginId == null || loginId.isBlank() || password == null || password.isEmpty()) {
            return Result.refused("ユーザーIDとパスワードを入力してください。");
        }
        return TenantContext.callAs(code, () -> transactions.execute(status -> check(loginId.strip(), password)));
    }

    private Result check(String loginId, String password) {
        Optional<StaffAccountRepository.Row> found = accounts.findByLoginId(loginId);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Result.refused(BAD_CREDENTIALS);
        }
        StaffAccountRepository.Row row = found.get();
        if (row.lockedAt(clock.instant())) {
            record(row, "staff.sign_in_refused", Map.of("reason", "locked"));
            return Result.refused("サインインの失敗が続いたため、このアカウントは一時的にロックされています。"
                    + LOCK_DURATION.toMinutes() + "分ほど待ってから、もう一度お試しください。");
        }
        if (!passwords.matches(password, row.passwordHash())) {
            accounts.recordFailure(row.id(), MAX_FAILED_ATTEMPTS, clock.instant().plus(LOCK_DURATION));
            record(row, "staff.sign_in_failed", Map.of("failedAttempts", row.failedAttempts() + 1));
            if (row.failedAttempts() + 1 >= MAX_FAILED_ATTEMPTS) {
                return Result.refused("サインインに" + MAX_FAILED_ATTEMPTS + "回続けて失敗したため、このアカウントを"
                        + LOCK_DURATION.toMinutes() + "分間ロックしました。");
            }
            return Result.refused(BAD_CREDENTIALS);
        }
        if (!row.enabled()) {
            record(row, "staff.sign_in_refused", Map.of("reason", "disabled"));
            return Result.refused("このアカウントは無効になっています。管理者に連絡してください。");
        }
        accounts.recordSuccess(row.id());
        record(row, "staff.signed_in", Map.of());
        return new Result(Optional.of(new StaffMember(row.id(), row.municipalityCode(), row.loginId(),
                row.displayName(), row.roles())), null);
    }

    private void record(StaffAccountRepository.Row row, String type, Map<String, Object> details) {
        audit.record(new AuditEvent(type, AuditEvent.Actor.staff(row.id(), row.displayName()), Channel.OFFICE,
                "staff", Long.toString(row.id()), null, "sign-in", details));
    }
}
