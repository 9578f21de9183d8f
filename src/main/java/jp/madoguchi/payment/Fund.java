package jp.madoguchi.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * 収納科目 — a fund the municipality collects (国保料, 介護保険料, 保育料, 水道料金 …), with the codes its slips and
 * bank files carry. Funds are data: a municipality adds its own.
 *
 * @param code short id ({@code kokuho})
 * @param name Japanese name (国民健康保険料)
 * @param fundNumber 2-digit 科目番号: the first digits of the barcode's 自由使用欄 and the Pay-easy 納付区分's tail
 * @param companyCode コンビニ収納 企業コード (6 digits), if slips of this fund carry a barcode
 * @param payEasyInstitution Pay-easy 収納機関番号 (5 digits), if any
 * @param debit the 口座振替 contract with the bank, if the fund is collected by direct debit
 */
public record Fund(String code, String name, String fundNumber, Optional<String> companyCode,
        Optional<String> payEasyInstitution, Optional<DebitContract> debit) {

    public Fund {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fundNumber, "fundNumber");
        if (!fundNumber.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("科目番号は半角数字2桁が必要です: " + fundNumber);
        }
        companyCode = Objects.requireNonNullElse(companyCode, Optional.empty());
        payEasyInstitution = Objects.requireNonNullElse(payEasyInstitution, Optional.empty());
        debit = Objects.requireNonNullElse(debit, Optional.empty());
    }

    /**
     * 口座振替の契約 — what the header of a 全銀 口座振替 file carries for the municipality (委託者).
     *
     * @param consignorCode 委託者コード, 10 digits
     * @param consignorNameKana 委託者名, half-width kana (up to 40)
     * @param bankCode 取引銀行番号, 4 digits
     * @param bankNameKana 取引銀行名, half-width kana (up to 15)
     * @param branchCode 取引支店番号, 3 digits
     * @param branchNameKana 取引支店名, half-width kana (up to 15)
     * @param accountType 預金種目 (委託者) 1 普通 / 2 当座 / 9 その他
     * @param accountNumber 口座番号 (委託者), 7 digits
     */
    public record DebitContract(String consignorCode, String consignorNameKana, String bankCode, String bankNameKana,
            String branchCode, String branchNameKana, String accountType, String accountNumber) {
    }
}
