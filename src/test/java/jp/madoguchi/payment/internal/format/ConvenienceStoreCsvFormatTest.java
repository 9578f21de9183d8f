package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.kit.ConvenienceStoreBarcode;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentNumber;
import org.junit.jupiter.api.Test;

class ConvenienceStoreCsvFormatTest {

    static final String COMPANY = "912345";
    static final PaymentNumber NUMBER = PaymentNumber.ofBase("000000000000001");
    static final String BARCODE = NUMBER.barcode(COMPANY, "01", Optional.of(LocalDate.of(2026, 5, 31)), 12_300)
            .digits();
    final ConvenienceStoreCsvFormat format = new ConvenienceStoreCsvFormat();

    static String line(String kind, String barcode, String amount) {
        return kind + ",20260520,1432,EAN" + barcode + ",利用欄1,,0," + amount + ",0001,ファミリーマート,012345,0,20260521";
    }

    /** A sink that keeps everything. */
    static final class Collected implements PaymentFileFormat.Sink {
        final List<ParsedPayment> payments = new ArrayList<>();
        final List<LineProblem> lines = new ArrayList<>();
        final List<String> file = new ArrayList<>();

        @Override
        public void payment(ParsedPayment payment) {
            payments.add(payment);
        }

        @Override
        public void lineProblem(int line, String reason) {
            lines.add(new LineProblem(line, reason));
        }

        @Override
        public void fileProblem(String reason) {
            file.add(reason);
        }
    }

    Collected read(String text) {
        Collected c = new Collected();
        format.read(text.getBytes(TextEncodings.CP932), new PaymentFileFormat.Context(Set.of(COMPANY),
                LocalDate.of(2026, 5, 21)), c);
        return c;
    }

    @Test
    void readsEveryKindWithCp932StoreNames() {
        Collected c = read("種別,収納日,収納時刻,バーコード,ユーザー使用欄1,ユーザー使用欄2,印紙フラグ,金額,本部,コンビニ名,店舗,振込日,作成日\r\n"
                + line("01", BARCODE, "12300") + "\r\n" + line("02", BARCODE, "12300") + "\r\n"
                + line("03", BARCODE, "12300") + "\r\n" + line("12", BARCODE, "12300") + "\r\n"
                + line("22", BARCODE, "12300") + "\r\n");
        assertThat(c.lines).isEmpty();
        assertThat(c.file).isEmpty();
        assertThat(c.payments).extracting(ParsedPayment::kind).containsExactly(PaymentKind.PRELIMINARY,
                PaymentKind.CONFIRMED, PaymentKind.CANCEL_PRELIMINARY, PaymentKind.POSTAL,
                PaymentKind.POSTAL_CORRECTION);
        ParsedPayment first = c.payments.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.reference()).isEqualTo(NUMBER.digits());
        assertThat(first.fundNumber()).isEqualTo("01");
        assertThat(first.amount()).isEqualTo(12_300);
        assertThat(first.paidOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(first.paidTime()).isEqualTo(LocalTime.of(14, 32));
        assertThat(first.channel()).isEqualTo(PaymentChannel.CONVENIENCE_STORE);
        assertThat(c.payments.get(3).channel()).isEqualTo(PaymentChannel.POSTAL_TRANSFER);
        // 速報, 確報 and 取消 of one payment share the payment key; their record keys differ
        assertThat(c.payments.get(0).paymentKey()).isEqualTo(c.payments.get(1).paymentKey())
                .isEqualTo(c.payments.get(2).paymentKey());
        assertThat(c.payments.get(0).recordKey()).isNotEqualTo(c.payments.get(1).recordKey());
        assertThat(c.payments.get(3).paymentKey()).isEqualTo(c.payments.get(4).paymentKey());
    }

    @Test
    void reportsEachBadLineWithItsNumberAndReason() {
        char[] digits = BARCODE.toCharArray();
        digits[43] = (char) ('0' + (digits[43] - '0' + 1) % 10);
        String badCheck = new String(digits);
        String otherCompany = new ConvenienceStoreBarcode("999999", NUMBER.freeField("01"), 0, Optional.empty(), 0,
                12_300).digits();
        Collected c = read(String.join("\r\n",
                line("02", BARCODE, "12300"),
                line("02", badCheck, "12300"),
                line("07", BARCODE, "12300"),
                line("02", BARCODE, "12a00"),
                line("02", BARCODE, "12300").substring(0, 40),
                line("02", BARCODE, "12300") + ",余分",
                line("02", BARCODE, "12000"),
                line("02", otherCompany, "12300"),
                line("02", BARCODE, "12300").replace(",20260520,", ",20260231,"),
                line("02", BARCODE, "12300").replace("EAN", "JAN"),
                "") + "\r\n");
        assertThat(c.payments).hasSize(1);
        assertThat(c.lines).extracting(LineProblem::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(c.lines.get(0).reason()).contains("チェックデジット");
        assertThat(c.lines.get(1).reason()).contains("種別「07」は不明");
        assertThat(c.lines.get(2).reason()).contains("金額");
        assertThat(c.lines.get(3).reason()).contains("列数");
        assertThat(c.lines.get(4).reason()).contains("列数が14");
        assertThat(c.lines.get(5).reason()).contains("バーコードの金額");
        assertThat(c.lines.get(6).reason()).contains("企業コード「999999」");
        assertThat(c.lines.get(7).reason()).contains("収納日「20260231」は存在しない日付");
        assertThat(c.lines.get(8).reason()).contains("EAN");
        assertThat(c.lines.get(9).reason()).contains("空行");
    }

    @Test
    void aUtf8FileIsRejectedAsAWhole() {
        Collected c = new Collected();
        format.read((line("02", BARCODE, "12300") + "\r\n").getBytes(StandardCharsets.UTF_8),
                new PaymentFileFormat.Context(Set.of(COMPANY), LocalDate.of(2026, 5, 21)), c);
        assertThat(c.file).singleElement().asString().contains("UTF-8");
        assertThat(c.payments).isEmpty();
    }

    @Test
    void bytesThatAreNotCp932AreReportedOnTheirLine() {
        byte[] good = (line("02", BARCODE, "12300") + "\r\n").getBytes(TextEncodings.CP932);
        byte[] bad = (line("02", BARCODE, "12300").replace("ファミリーマート", "X") + "\r\n")
                .getBytes(TextEncodings.CP932);
        bad[bad.length - 20] = (byte) 0x85; // a lead byte followed by a comma: not CP932
        bad[bad.length - 19] = (byte) 0x20;
        byte[] file = new byte[good.length + bad.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);
        Collected c = new Collected();
        format.read(file, new PaymentFileFormat.Context(Set.of(COMPANY), LocalDate.of(2026, 5, 21)), c);
        assertThat(c.payments).hasSize(1);
        assertThat(c.lines).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("Shift_JIS");
        });
    }
}
