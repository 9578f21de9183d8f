package jp.madoguchi.payment.internal.format;

import java.util.Objects;

/**
 * How to read another collection agent's CSV: which column (1-based) holds what. Configured under
 * {@code madoguchi.payment.generic-csv[n]} (see docs/payments.md); one format is offered per mapping.
 *
 * @param id format id suffix ({@code generic-csv:<id>})
 * @param label Japanese name shown when choosing the format
 * @param charset {@code UTF-8}, {@code windows-31j}, or {@code auto} (BOM or valid UTF-8 → UTF-8, else CP932)
 * @param header whether the first line is a header (skipped)
 * @param referenceColumn the column with the 納付番号
 * @param amountColumn the column with the amount (digits; commas allowed and removed)
 * @param paidOnColumn the column with the 収納日
 * @param datePattern the date pattern of that column ({@code yyyyMMdd}, {@code yyyy/MM/dd}, {@code yyyy-MM-dd})
 * @param receiptColumn the column with the agent's receipt id, or 0: with it, the same receipt again is a
 *     duplicate; without it, the same 納付番号, day and amount again is
 * @param agentCode a code for the agent stored with each record
 */
public record GenericCsvMapping(String id, String label, String charset, boolean header, int referenceColumn,
        int amountColumn, int paidOnColumn, String datePattern, int receiptColumn, String agentCode) {

    public GenericCsvMapping {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("generic-csv id must be 1-32 of a-z 0-9 -: " + id);
        }
        label = label == null ? "収納代行 CSV（" + id + "）" : label;
        charset = charset == null ? "auto" : charset;
        datePattern = datePattern == null ? "yyyyMMdd" : datePattern;
        agentCode = agentCode == null ? id : agentCode;
        if (referenceColumn < 1 || amountColumn < 1 || paidOnColumn < 1 || receiptColumn < 0) {
            throw new IllegalArgumentException("generic-csv " + id + ": columns are 1-based");
        }
    }

    /** The mapping offered by default: 納付番号, 金額, 収納日 (YYYYMMDD), 受付番号, with a header line. */
    public static GenericCsvMapping standard() {
        return new GenericCsvMapping("standard", "収納代行 CSV（納付番号,金額,収納日,受付番号）", "auto", true, 1, 2, 3,
                "yyyyMMdd", 4, "agent");
    }
}
