package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import static jp.madoguchi.payment.internal.format.ZenginDebitLayout.RECORD_LENGTH;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.payment.internal.format.ZenginDebitLayout.Field;
import org.springframework.stereotype.Component;

/**
 * 全銀協規定形式 預金口座振替 結果 — the bank's result file (layout in {@link ZenginDebitLayout}): header, data
 * records with the 振替結果コード, trailer with totals, end record. Records of 120 bytes, with CR LF or without line
 * breaks. The trailer's totals must agree with the data records and the file must end with the end record, otherwise
 * the file is rejected (it was cut off or altered). The 引落日 has no year: the date nearest to the import day is
 * taken.
 */
@Component
public class ZenginDebitResultFormat implements PaymentFileFormat {

    public static final String ID = "zengin-debit-result";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "口座振替結果（全銀協規定形式 120バイト）";
    }

    /** A record's place in the file: its number and first byte; length is its length in bytes. */
    private record Rec(int number, int start, int length) {
    }

    @Override
    public void read(byte[] file, Context context, Sink sink) {
        if (file.length == 0) {
            sink.fileProblem("ファイルが空です");
            return;
        }
        if (TextEncodings.looksLikeUtf8(file)) {
            sink.fileProblem("文字コードが UTF-8 です。全銀協規定形式（JIS X 0201 半角、Shift_JIS（CP932）の1バイト文字）のファイルが必要です");
            return;
        }
        List<Rec> records = split(file);
        if (records == null) {
            sink.fileProblem("改行のないファイルの長さ（" + file.length + "バイト）が120バイトの倍数ではありません");
            return;
        }
        State state = new State();
        for (Rec rec : records) {
            readRecord(file, rec, context, sink, state);
        }
        if (!state.headerSeen) {
            sink.fileProblem("ヘッダー・レコード（データ区分1）がありません");
        } else if (state.trailerLine == 0) {
            sink.fileProblem("トレーラー・レコード（データ区分8）がありません。ファイルが途中で切れている可能性があります");
        } else if (!state.endSeen) {
            sink.fileProblem("エンド・レコード（データ区分9）がありません。ファイルが途中で切れている可能性があります");
        }
        if (state.trailerLine > 0) {
            check(sink, state.trailerLine, ZenginDebitLayout.T_TOTAL_COUNT, state.trailer[0], state.count, "件");
            check(sink, state.trailerLine, ZenginDebitLayout.T_TOTAL_AMOUNT, state.trailer[1], state.amount, "円");
            check(sink, state.trailerLine, ZenginDebitLayout.T_DEBITED_COUNT, state.trailer[2], state.debitedCount, "件");
            check(sink, state.trailerLine, ZenginDebitLayout.T_DEBITED_AMOUNT, state.trailer[3], state.debitedAmount, "円");
            check(sink, state.trailerLine, ZenginDebitLayout.T_FAILED_COUNT, state.trailer[4], state.count - state.debitedCount, "件");
            check(sink, state.trailerLine, ZenginDebitLayout.T_FAILED_AMOUNT, state.trailer[5], state.amount - state.debitedAmount, "円");
        }
    }

    private static void check(Sink sink, int line, Field field, long stated, long computed, String unit) {
        if (stated != computed) {
            sink.fileProblem(line + "行目のトレーラー・レコードの" + field.name() + "（" + stated + unit
                    + "）がデータ・レコードの集計（" + computed + unit + "）と一致しません");
        }
    }

    /** Running state while reading. */
    private static final class State {
        boolean headerSeen;
        boolean endSeen;
        int trailerLine;
        long[] trailer = new long[6];
        String consignorCode;
        LocalDate debitDate;
        long count;
        long amount;
        long debitedCount;
        long debitedAmount;
    }

    private static void readRecord(byte[] file, Rec rec, Context context, Sink sink, State state) {
        if (rec.length() != RECORD_LENGTH) {
            sink.lineProblem(rec.number(), "レコード長が" + rec.length() + "バイトです（120バイトが必要です）");
            if (rec.length() > 0 && file[rec.start()] == '2') {
                state.count++; // a data record, counted so that the trailer check also shows the loss
            }
            return;
        }
        int bad = ZenginDebitLayout.firstBadColumn(file, rec.start(), rec.start() + RECORD_LENGTH);
        if (bad > 0) {
            sink.lineProblem(rec.number(), bad + "バイト目に半角（JIS X 0201）以外の文字があります（全角文字や別の文字コードは使えません）");
            if (file[rec.start()] == '2') {
                state.count++;
            }
            return;
        }
        char type = (char) file[rec.start()];
        if (state.endSeen) {
            sink.lineProblem(rec.number(), "エンド・レコードの後にレコードがあります");
            return;
        }
        try {
            switch (type) {
                case '1' -> header(file, rec, context, state);
                case '2' -> {
                    if (!state.headerSeen) {
                        throw new FieldReader.BadField("ヘッダー・レコードより前にデータ・レコードがあります");
                    }
                    if (state.trailerLine > 0) {
                        throw new FieldReader.BadField("トレーラー・レコードの後にデータ・レコードがあります");
                    }
                    state.count++;
                    ParsedPayment p = data(file, rec, state);
                    state.amount += p.amount();
                    if ("0".equals(p.resultCode())) {
                        state.debitedCount++;
                        state.debitedAmount += p.amount();
                    }
                    sink.payment(p);
                }
                case '8' -> {
                    if (state.trailerLine > 0) {
                        throw new FieldReader.BadField("トレーラー・レコードが2つあります");
                    }
                    state.trailerLine = rec.number();
                    Field[] fields = {ZenginDebitLayout.T_TOTAL_COUNT, ZenginDebitLayout.T_TOTAL_AMOUNT,
                            ZenginDebitLayout.T_DEBITED_COUNT, ZenginDebitLayout.T_DEBITED_AMOUNT,
                            ZenginDebitLayout.T_FAILED_COUNT, ZenginDebitLayout.T_FAILED_AMOUNT};
                    for (int i = 0; i < fields.length; i++) {
                        state.trailer[i] = Long.parseLong(number(file, rec, fields[i]));
                    }
                }
                case '9' -> {
                    if (state.trailerLine == 0) {
                        throw new FieldReader.BadField("トレーラー・レコードより前にエンド・レコードがあります");
                    }
                    state.endSeen = true;
                }
                default -> throw new FieldReader.BadField("データ区分「" + type
                        + "」は不明です（1 ヘッダー・2 データ・8 トレーラー・9 エンド）");
            }
        } catch (FieldReader.BadField e) {
            sink.lineProblem(rec.number(), e.getMessage());
        }
    }

    private static void header(byte[] file, Rec rec, Context context, State state) {
        if (state.headerSeen) {
            throw new FieldReader.BadField("ヘッダー・レコードが2つあります（1ファイルに1つの依頼分だけ受け付けます）");
        }
        state.headerSeen = true;
        String typeCode = number(file, rec, ZenginDebitLayout.H_TYPE_CODE);
        if (!typeCode.equals(ZenginDebitLayout.TYPE_CODE)) {
            throw new FieldReader.BadField("種別コード「" + typeCode + "」は口座振替（91）ではありません");
        }
        String codeSet = number(file, rec, ZenginDebitLayout.H_CODE_SET);
        if (!codeSet.equals("0")) {
            throw new FieldReader.BadField("コード区分「" + codeSet + "」は JIS（0）ではありません");
        }
        state.consignorCode = number(file, rec, ZenginDebitLayout.H_CONSIGNOR_CODE);
        state.debitDate = FieldReader.mmddNear("引落日", number(file, rec, ZenginDebitLayout.H_DEBIT_DATE),
                context.today());
    }

    private static ParsedPayment data(byte[] file, Rec rec, State state) {
        String bank = number(file, rec, ZenginDebitLayout.D_BANK_CODE);
        String branch = number(file, rec, ZenginDebitLayout.D_BRANCH_CODE);
        number(file, rec, ZenginDebitLayout.D_ACCOUNT_TYPE);
        number(file, rec, ZenginDebitLayout.D_ACCOUNT_NUMBER);
        long amount = Long.parseLong(number(file, rec, ZenginDebitLayout.D_AMOUNT));
        if (amount == 0) {
            throw new FieldReader.BadField("引落金額が0円です");
        }
        String customer = number(file, rec, ZenginDebitLayout.D_CUSTOMER_NUMBER);
        String result = number(file, rec, ZenginDebitLayout.D_RESULT_CODE);
        if (!ZenginDebitLayout.RESULT_CODES.containsKey(result)) {
            throw new FieldReader.BadField("振替結果コード「" + result
                    + "」は不明です（0 振替済・1 資金不足・2 取引なし・3 預金者都合・4 依頼書なし・8 委託者都合・9 その他）");
        }
        String key = "ZG:" + state.consignorCode + ":" + state.debitDate + ":" + customer;
        return new ParsedPayment(rec.number(), PaymentKind.DEBIT_RESULT, PaymentChannel.DIRECT_DEBIT, state.debitDate,
                null, amount, PaymentNumber.fromZenginCustomerNumber(customer), null, null, bank, branch, null, result,
                key, key);
    }

    private static String number(byte[] file, Rec rec, Field field) {
        return FieldReader.digits(field.name() + "（" + field.start() + "～" + field.end() + "桁目）",
                ZenginDebitLayout.get(file, rec.start(), field), field.length());
    }

    /** Records split at line breaks (CR LF or LF), or, without any line break, every 120 bytes; null if ragged. */
    private static List<Rec> split(byte[] file) {
        List<Rec> records = new ArrayList<>();
        boolean hasBreak = false;
        for (byte b : file) {
            if (b == '\n' || b == '\r') {
                hasBreak = true;
                break;
            }
        }
        if (!hasBreak) {
            if (file.length % RECORD_LENGTH != 0) {
                return null;
            }
            for (int i = 0; i < file.length / RECORD_LENGTH; i++) {
                records.add(new Rec(i + 1, i * RECORD_LENGTH, RECORD_LENGTH));
            }
            return records;
        }
        for (TextEncodings.Span line : TextEncodings.spans(file)) {
            records.add(new Rec(line.number(), line.start(), line.length()));
        }
        // a final Ctrl-Z (0x1A, EOF mark of some PC tools) after the last record is not a record
        if (!records.isEmpty()) {
            Rec last = records.get(records.size() - 1);
            if (last.length() == 1 && file[last.start()] == 0x1A) {
                records.remove(records.size() - 1);
            }
        }
        return records;
    }
}
