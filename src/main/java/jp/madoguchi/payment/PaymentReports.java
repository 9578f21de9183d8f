package jp.madoguchi.payment;

import java.time.LocalDate;
import java.util.List;

/** 収納日計表 and the export for the finance system (財務会計). */
public interface PaymentReports {

    /** Totals per 収納日, fund and channel for {@code from}..{@code to} (inclusive). */
    List<DailyTotal> daily(LocalDate from, LocalDate to);

    /** Totals per fund and channel for the whole period. */
    List<DailyTotal> period(LocalDate from, LocalDate to);

    /**
     * The finance-system export: CSV (UTF-8 with BOM, CRLF) of every applied payment record in the period with
     * 収納日, 科目コード, 科目名, 年度, 調定番号, 期別, 納付番号, チャネル, 種別, 金額, 延滞 — identifiers only, no names.
     */
    byte[] financeExport(LocalDate from, LocalDate to);
}
