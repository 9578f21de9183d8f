package jp.madoguchi.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kit.MyNumber;

/**
 * What a certificate of residence (住民票の写し, 記載事項証明書, 除票の写し) is made from: the person asked for and,
 * for a registered person, the current members of the household; for a removed person (転出・死亡), only that
 * person's last record.
 *
 * @param subject the person asked for
 * @param members the household's members (世帯主 first), the subject included; only the subject when removed
 * @param householdHead 世帯主の氏名, or null when the household has no registered head
 */
public record CertificateRecords(Member subject, List<Member> members, String householdHead) {

    /**
     * One person.
     *
     * @param record the record (current, or last for a removed person)
     * @param standing 住登者, or how the person left the register
     * @param removedOn for a removed person, the date of 転出 / 死亡 (異動年月日 of the removal), else null
     * @param becameResidentOn 住民となった年月日 (the first record's 異動年月日)
     * @param becameResidentReason how (the first record's 異動事由: 出生, 転入, …)
     * @param items 本籍・筆頭者, 住民票コード
     * @param myNumber the 個人番号, present only when it was asked for and is recorded (decrypted, audited)
     */
    public record Member(ResidentRecord record, Standing standing, LocalDate removedOn, LocalDate becameResidentOn,
            String becameResidentReason, RegisterItems items, Optional<MyNumber> myNumber) {
    }
}
