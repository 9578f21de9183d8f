package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kit.ConvenienceStoreBarcode;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentNumber;
import org.springframework.stereotype.Component;

/**
 * コンビニ収納 速報・確報 result CSV of a collection agent (one agent's documented layout; no national standard):
 * Shift_JIS (CP932), one record per line, 13 columns:
 *
 * <pre>
 *  1 種別        01 速報 / 02 確報 / 03 速報取消 / 12 郵便振替 / 22 郵便振替訂正
 *  2 収納日      YYYYMMDD
 *  3 収納時刻    HHMM
 *  4 バーコード  "EAN" + 44 digits (GS1-128 AI 91, check digit verified with the kit)
 *  5 ユーザー使用欄1, 6 ユーザー使用欄2   free text (not used)
 *  7 印紙フラグ  0/1, must equal the barcode's
 *  8 金額        yen, must equal the barcode's
 *  9 コンビニ本部コード, 10 コンビニ名, 11 店舗コード
 * 12 振込日      YYYYMMDD, or 0 when not yet transferred
 * 13 データ作成日 YYYYMMDD
 * </pre>
 *
 * A first line whose first field is 「種別」 is a header and skipped. The 速報, 確報 and 取消 of one payment share the
 * payment key (barcode, 収納日, 収納時刻, 本部, 店舗); a 郵便振替訂正 reverses the 郵便振替 of the same barcode and
 * 収納日.
 */
@Component
public class ConvenienceStoreCsvFormat implements PaymentFileFormat {

    public static final String ID = "convenience-store-csv";
    static final int COLUMNS = 13;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "コンビニ収納 速報・確報（CSV, Shift_JIS）";
    }

    @Override
    public void read(byte[] file, Context context, Sink sink) {
        if (TextEncodings.looksLikeUtf8(file)) {
            sink.fileProblem("文字コードが UTF-8 です。収納代行会社のファイル（Shift_JIS（CP932））をそのまま指定してください");
            return;
        }
        List<TextEncodings.Span> lines = TextEncodings.spans(file);
        if (lines.isEmpty()) {
            sink.fileProblem("ファイルが空です");
            return;
        }
        CsvLines.readPayments(file, lines, TextEncodings.CP932, text -> text.startsWith("種別"), sink,
                (number, fields) -> parse(number, fields, context));
    }

    private static ParsedPayment parse(int number, List<String> f, Context context) {
        if (f.size() != COLUMNS) {
            throw new FieldReader.BadField("列数が" + f.size() + "です（" + COLUMNS + "列が必要です）");
        }
        String kindCode = f.get(0);
        PaymentKind kind = switch (kindCode) {
            case "01" -> PaymentKind.PRELIMINARY;
            case "02" -> PaymentKind.CONFIRMED;
            case "03" -> PaymentKind.CANCEL_PRELIMINARY;
            case "12" -> PaymentKind.POSTAL;
            case "22" -> PaymentKind.POSTAL_CORRECTION;
            default -> throw new FieldReader.BadField("種別「" + kindCode
                    + "」は不明です（01 速報・02 確報・03 速報取消・12 郵便振替・22 郵便振替訂正）");
        };
        LocalDate paidOn = FieldReader.yyyymmdd("収納日", f.get(1));
        LocalTime paidTime = FieldReader.hhmm("収納時刻", f.get(2));
        String ean = f.get(3);
        if (!ean.startsWith("EAN")) {
            throw new FieldReader.BadField("バーコード欄は「EAN」と44桁の数字が必要です（「" + ean + "」）");
        }
        ConvenienceStoreBarcode barcode;
        try {
            barcode = ConvenienceStoreBarcode.parse(ean.substring(3));
        } catch (KitFormatException e) {
            throw new FieldReader.BadField("バーコード: " + e.japaneseMessage());
        }
        if (!context.companyCodes().contains(barcode.companyCode())) {
            throw new FieldReader.BadField("バーコードの企業コード「" + barcode.companyCode()
                    + "」はこの団体の収納科目に登録されていません");
        }
        String stamp = f.get(6);
        if (!stamp.equals("0") && !stamp.equals("1")) {
            throw new FieldReader.BadField("印紙フラグ「" + stamp + "」は0または1が必要です");
        }
        if (stamp.charAt(0) - '0' != barcode.stampFlag()) {
            throw new FieldReader.BadField("印紙フラグ「" + stamp + "」がバーコードの印紙フラグ（" + barcode.stampFlag()
                    + "）と一致しません");
        }
        long amount = FieldReader.amount("金額", f.get(7));
        if (amount == 0) {
            throw new FieldReader.BadField("金額が0円です");
        }
        if (amount != barcode.amount()) {
            throw new FieldReader.BadField("金額（" + amount + "円）がバーコードの金額（" + barcode.amount() + "円）と一致しません");
        }
        String agent = FieldReader.digits("コンビニ本部コード", f.get(8).strip(), 0);
        String store = f.get(10).strip();
        if (store.isEmpty()) {
            throw new FieldReader.BadField("店舗コードが空です");
        }
        String transfer = f.get(11).strip();
        LocalDate transferDate = transfer.equals("0") ? null : FieldReader.yyyymmdd("振込日", transfer);
        FieldReader.yyyymmdd("データ作成日", f.get(12).strip());

        String digits = ean.substring(3);
        Optional<String> reference = PaymentNumber.fromFreeField(barcode.freeField());
        String fundNumber = reference.isPresent() ? PaymentNumber.fundNumberOfFreeField(barcode.freeField()) : null;
        boolean postal = kind == PaymentKind.POSTAL || kind == PaymentKind.POSTAL_CORRECTION;
        String when = f.get(1) + f.get(2);
        String paymentKey = postal ? "P:" + digits + ":" + f.get(1)
                : "C:" + digits + ":" + when + ":" + agent + ":" + store;
        String recordKey = kindCode + ":" + digits + ":" + when + ":" + agent + ":" + store;
        return new ParsedPayment(number, kind, postal ? PaymentChannel.POSTAL_TRANSFER : PaymentChannel.CONVENIENCE_STORE,
                paidOn, paidTime, amount, reference.orElse(""), fundNumber, digits, agent, store, transferDate, null,
                recordKey, paymentKey);
    }
}
