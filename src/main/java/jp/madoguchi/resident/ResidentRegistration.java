package jp.madoguchi.resident;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import jp.madoguchi.kit.RegisterDate;

/**
 * Writes into the register mirror of the current municipality: town areas, households and persons' initial
 * records (a migration from the core system, or demo data). Changes to a person append history; nothing is
 * overwritten.
 */
public interface ResidentRegistration {

    /** 町丁目 — a town area. */
    record TownArea(String code, String name, String kana) {
    }

    /**
     * A person's first record (履歴番号 1).
     *
     * @param atenaNumber 宛名番号 with its check digit
     * @param householdNumber 世帯番号 with its check digit
     * @param relationship 続柄 as written in the register
     * @param residentTypeCode 住民種別 code
     * @param statusCode 住民状態 code
     * @param nameKana 氏名カナ, full-width katakana with a full-width space between family and given name
     * @param birthDate 生年月日 (may be irregular or partly unknown)
     * @param sexCode 性別 code
     * @param movedDate 異動年月日
     * @param changeReasonCode 異動事由 code
     */
    record NewResident(String atenaNumber, String householdNumber, String relationship, String residentTypeCode,
            String statusCode, String familyName, String givenName, String nameKana, String alias,
            String aliasKana, String nationality, RegisterDate birthDate, String sexCode, String townAreaCode,
            String addressDetail, LocalDate movedDate, String changeReasonCode) {
    }

    void addTownAreas(List<TownArea> areas);

    /** Adds households by their 世帯番号 (with check digit). */
    void addHouseholds(Collection<String> householdNumbers);

    /**
     * Registers persons' first records in one transaction: all or nothing.
     *
     * @throws ResidentQueryException naming the row and field of the first invalid entry
     */
    void registerAll(List<NewResident> residents, String recordedBy);

    /**
     * Records a person's certificate items (本籍・筆頭者, 住民票コード, 成年被後見人), replacing earlier ones.
     *
     * @throws ResidentQueryException when the person is not in the register
     */
    void recordItems(String atenaNumber, RegisterItems items, String recordedBy);

    /** Records the items of persons that have none yet, leaves the others (demo data, migrations); idempotent. */
    int addItemsWhereMissing(java.util.Map<String, RegisterItems> itemsByAtenaNumber, String recordedBy);

    /**
     * Stores a person's 個人番号, encrypted (AES-256-GCM, key outside the database), replacing an earlier one.
     * {@code onlyIfAbsent} leaves a stored number alone (idempotent loads).
     */
    void recordMyNumber(String atenaNumber, jp.madoguchi.kit.MyNumber myNumber, boolean onlyIfAbsent,
            String recordedBy);

    /**
     * 転出 or death: appends a record with the new 住民状態 and 異動事由 and publishes {@link ResidentRemoved} in the
     * same transaction. Does nothing (returns false) when the person is already removed.
     *
     * @throws ResidentQueryException when the person is not in the register or {@code standing} is REGISTERED
     */
    boolean recordRemoval(String atenaNumber, Standing standing, LocalDate on, String recordedBy);

    /** Number of current records in the register of the current municipality. */
    long count();
}
