package jp.madoguchi.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.audit.RecordedEvent;

/**
 * 住民記録の参照 — the one audited path to residents' data. Every search hit and every record read is appended to the
 * audit trail with who (the signed-in staff member — or, on the {@code KIOSK} channel only, the resident at a
 * self-service device), when, whose record (宛名番号), through which screen or API
 * ({@code via}) and the stated purpose, in the same transaction as the read.
 */
public interface ResidentRegister {

    /**
     * Searches the current municipality's register.
     *
     * @throws ResidentQueryException when the query has nothing to search or a field is malformed
     */
    List<ResidentSummary> search(ResidentQuery query, AccessPurpose purpose, Channel channel, String via);

    /**
     * 生年月日による照合 — finds the current records of people born on {@code birthDate} that {@code keep} accepts, for
     * matching an identity document such as the マイナンバーカード, which carries 氏名, 住所, 生年月日 and 性別 but no
     * 氏名カナ to search by. The caller's filter (e.g. "the name agrees, allowing for variant characters") runs on the
     * records born that day; only the records it keeps are returned, at most {@link #SEARCH_LIMIT}, and only those
     * are audited ({@code resident.listed}), because only those are shown. Register birth dates that are partly unknown
     * never match a day.
     */
    List<ResidentSummary> searchByBirthDate(LocalDate birthDate, Predicate<ResidentSummary> keep,
            AccessPurpose purpose, Channel channel, String via);

    /**
     * Reads a person's record.
     *
     * @throws ResidentQueryException when {@code atenaNumber} is malformed
     */
    Optional<ResidentDetail> read(String atenaNumber, AccessPurpose purpose, Channel channel, String via);

    /**
     * Reads what a certificate of residence prints: the person and, for a registered person and {@code household},
     * every current member of the household; a removed person (転出・死亡) alone, from the last record. Appends
     * {@code resident.read} for each person returned and, when {@code withMyNumber}, {@code resident.my_number.read}
     * for each 個人番号 decrypted. The actor is explicit so that a kiosk (the resident, no staff) can read too.
     *
     * @throws ResidentQueryException when {@code atenaNumber} is malformed
     */
    Optional<CertificateRecords> readForCertificate(String atenaNumber, boolean household, boolean withMyNumber,
            AccessPurpose purpose, AuditEvent.Actor actor, Channel channel, String via);

    /** Who read this person's data, newest first (for a 管理者, and later for the resident's own access history). */
    List<RecordedEvent> accessesTo(String atenaNumber);

    /** The largest number of hits a search returns. */
    int SEARCH_LIMIT = 50;
}
