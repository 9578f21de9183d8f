package jp.madoguchi.payment;

import java.time.LocalDate;
import jp.madoguchi.audit.AuditEvent;

/** 口座振替請求 — generates the 全銀 120-byte 預金口座振替 request file for the bank. */
public interface DirectDebitRequests {

    /**
     * Registers a payer's account for a fund; an existing registration is kept (a change of account is a new
     * 依頼書 and is not handled yet).
     *
     * @throws AssessmentException (Japanese) when a field is malformed or the holder's name cannot be written in
     *     half-width kana
     */
    void registerAccount(DebitAccount account, AuditEvent.Actor actor);

    /**
     * The request file for every unpaid installment of {@code fundCode} whose due date is {@code debitDate} and whose
     * payer has a registered account: header, one data record each (顧客番号 = {@code 0000} + 納付番号, 振替結果コード
     * 0), trailer with the totals, end record; CP932 single-byte (half-width kana), CRLF after each record.
     *
     * @throws AssessmentException when the fund has no 口座振替 contract
     */
    byte[] generate(String fundCode, LocalDate debitDate, AuditEvent.Actor actor);
}
