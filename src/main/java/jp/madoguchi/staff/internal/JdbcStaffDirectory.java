package jp.madoguchi.staff.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStaffDirectory implements StaffDirectory {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcStaffDirectory(StaffAccountRepository accounts, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffAccount> list() {
        return accounts.list().stream().map(this::toAccount).toList();
    }

    @Override
    @Transactional
    public StaffAccount create(String loginId, String displayName, Set<StaffRole> roles, String initialPassword) {
        String login = loginId == null ? "" : loginId.strip();
        String name = displayName == null ? "" : displayName.strip();
        if (!login.matches("[a-z0-9][a-z0-9._-]{2,31}")) {
            throw new StaffAccountException("loginId",
                    "ユーザーIDは半角英小文字・数字・「.」「_」「-」で3〜32文字にしてください（先頭は英小文字か数字）");
        }
        if (name.isEmpty() || name.length() > 60) {
            throw new StaffAccountException("displayName", "氏名は1〜60文字で入力してください");
        }
        if (roles == null || roles.isEmpty()) {
            throw new StaffAccountException("roles", "役割を1つ以上選んでください");
        }
        if (initialPassword == null || initialPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new StaffAccountException("initialPassword",
                    "初期パスワードは" + MIN_PASSWORD_LENGTH + "文字以上にしてください");
        }
        if (accounts.findByLoginId(login).isPresent()) {
            throw new StaffAccountException("loginId", "ユーザーID「" + login + "」はすでに使われています");
        }
        Long createdBy = CurrentStaff.get().map(StaffMember::id).orElse(null);
        long id;
        try {
            id = accounts.insert(login, name, passwords.encode(initialPassword), roles, createdBy);
        } catch (DuplicateKeyException e) {
            throw new StaffAccountException("loginId", "ユーザーID「" + login + "」はすでに使われています");
        }
        audit.record(new AuditEvent("staff.created", actor(), Channel.OFFICE, "staff", Long.toString(id), null,
                "staff-admin", Map.of("roles", roles.stream().map(Enum::name).sorted().toList())));
        return accounts.findById(id).map(this::toAccount).orElseThrow();
    }

    @Override
    @Transactional
    public boolean setEnabled(long id, boolean enabled) {
        if (!enabled && CurrentStaff.get().map(StaffMember::id).filter(me -> me == id).isPresent()) {
            throw new StaffAccountException("id", "自分自身のアカウントは無効にできません。");
        }
        boolean changed = accounts.setEnabled(id, enabled);
        if (changed) {
            audit.record(new AuditEvent(enabled ? "staff.enabled" : "staff.disabled", actor(), Channel.OFFICE,
                    "staff", Long.toString(id), null, "staff-admin", Map.of()));
        }
        return changed;
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.get().map(StaffMember::actor)
                .orElse(AuditEvent.Actor.system("madoguchi"));
    }

    private StaffAccount toAccount(StaffAccountRepository.Row row) {
        return new StaffAccount(row.id(), row.loginId(), row.displayName(), row.roles(), row.enabled(),
                row.lockedAt(clock.instant()));
    }
}
