package jp.madoguchi.resident;

import java.time.LocalDate;

/**
 * Published (synchronously, inside the transaction that records it) when a person leaves the register by 転出 or
 * death. Listeners act in the same transaction, e.g. 印鑑登録 is abolished (印鑑登録証明事務処理要領: 転出・死亡で職権廃止).
 *
 * @param municipalityCode the municipality
 * @param atenaNumber 宛名番号
 * @param standing 転出者 or 死亡者 (or その他消除者)
 * @param on 異動年月日
 */
public record ResidentRemoved(String municipalityCode, String atenaNumber, Standing standing, LocalDate on) {
}
