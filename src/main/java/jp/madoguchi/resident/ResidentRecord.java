package jp.madoguchi.resident;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One history record (履歴) of a person in the register, with codes resolved to their labels.
 *
 * @param atenaNumber 宛名番号
 * @param historyNumber 履歴番号
 * @param householdNumber 世帯番号
 * @param relationship 続柄
 * @param residentType 住民種別 (label)
 * @param foreignResident whether the person is a 外国人住民 (dates shown in 西暦)
 * @param status 住民状態 (label)
 * @param name 氏名, exactly as registered
 * @param nameKana 氏名カナ
 * @param alias 通称, or null
 * @param aliasKana 通称カナ, or null
 * @param nationality 国籍・地域, or null
 * @param birthDate 生年月日 as displayed (和暦, or 西暦 for foreign residents)
 * @param birthDateCode the kit's storage code of the birth date
 * @param sex 性別 (label)
 * @param address 住所
 * @param movedDate 異動年月日
 * @param changeReason 異動事由 (label)
 * @param recordedAt when this record was written
 * @param current whether it is the current record
 */
public record ResidentRecord(String atenaNumber, int historyNumber, String householdNumber, String relationship,
        String residentType, boolean foreignResident, String status, String name, String nameKana, String alias,
        String aliasKana, String nationality, String birthDate, String birthDateCode, String sex, String address,
        LocalDate movedDate, String changeReason, Instant recordedAt, boolean current) {
}
