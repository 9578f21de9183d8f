package jp.madoguchi.payment;

/**
 * 口座振替の登録口座 — the bank account a payer registered for a fund (from the 預金口座振替依頼書).
 *
 * @param atenaNumber the payer's 宛名番号
 * @param fundCode the fund
 * @param bankCode 金融機関コード, 4 digits
 * @param branchCode 支店コード, 3 digits
 * @param accountType 預金種目 1 普通 / 2 当座 / 3 納税準備預金 / 9 その他
 * @param accountNumber 口座番号, 7 digits
 * @param holderKana 預金者名 in kana as the bank has it (converted to half width for the file)
 */
public record DebitAccount(String atenaNumber, String fundCode, String bankCode, String branchCode, String accountType,
        String accountNumber, String holderKana) {
}
