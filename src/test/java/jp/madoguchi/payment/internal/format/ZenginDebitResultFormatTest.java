package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentKind;
import jp.madoguchi.payment.PaymentNumber;
import jp.madoguchi.payment.internal.format.ConvenienceStoreCsvFormatTest.Collected;
import org.junit.jupiter.api.Test;

class ZenginDebitResultFormatTest {

    final ZenginDebitResultFormat format = new ZenginDebitResultFormat();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 2);

    /** Builds result files record by record (the layout's own writer). */
    static final class File {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count;
        long amount;
        long debitedCount;
        long debitedAmount;

        File header(String mmdd) {
            byte[] r = ZenginDebitLayout.record('1');
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_TYPE_CODE, "91");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_CODE_SET, "0");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_CONSIGNOR_CODE, "1234567890");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_CONSIGNOR_NAME, "マドグチマチ");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_DEBIT_DATE, mmdd);
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_BANK_CODE, "0123");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_BANK_NAME, "ナガノギンコウ");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_BRANCH_CODE, "001");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_BRANCH_NAME, "ホンテン");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_ACCOUNT_TYPE, "1");
            ZenginDebitLayout.put(r, ZenginDebitLayout.H_ACCOUNT_NUMBER, "7654321");
            return add(r);
        }

        File data(PaymentNumber number, long yen, String result) {
            byte[] r = ZenginDebitLayout.record('2');
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_BANK_CODE, "0123");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_BRANCH_CODE, "002");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_ACCOUNT_TYPE, "1");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_ACCOUNT_NUMBER, "1234567");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_HOLDER, "マドグチ　タロウ");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_AMOUNT, yen);
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_NEW_CODE, "0");
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_CUSTOMER_NUMBER, number.zenginCustomerNumber());
            ZenginDebitLayout.put(r, ZenginDebitLayout.D_RESULT_CODE, result);
            count++;
            amount += yen;
            if (result.equals("0")) {
                debitedCount++;
                debitedAmount += yen;
            }
            return add(r);
        }

        File trailer(long countDelta) {
            byte[] r = ZenginDebitLayout.record('8');
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_TOTAL_COUNT, count + countDelta);
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_TOTAL_AMOUNT, amount);
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_DEBITED_COUNT, debitedCount);
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_DEBITED_AMOUNT, debitedAmount);
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_FAILED_COUNT, count - debitedCount);
            ZenginDebitLayout.put(r, ZenginDebitLayout.T_FAILED_AMOUNT, amount - debitedAmount);
            return add(r);
        }

        File end() {
            return add(ZenginDebitLayout.record('9'));
        }

        File raw(byte[] bytes) {
            out.writeBytes(bytes);
            out.write('\r');
            out.write('\n');
            return this;
        }

        private File add(byte[] record) {
            return raw(record);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static PaymentNumber number(int n) {
        String base = "000000000000000";
        for (int i = 0; i < n; i++) {
            base = PaymentNumber.nextBase(base);
        }
        return PaymentNumber.ofBase(base);
    }

    Collected read(byte[] file) {
        Collected c = new Collected();
        format.read(file, new PaymentFileFormat.Context(Set.of(), TODAY), c);
        return c;
    }

    @Test
    void readsEveryResultCodeWithHalfWidthKana() {
        File f = new File().header("0601");
        List<String> codes = List.of("0", "1", "2", "3", "4", "8", "9");
        for (int i = 0; i < codes.size(); i++) {
            f.data(number(i + 1), 1000 + i, codes.get(i));
        }
        Collected c = read(f.trailer(0).end().bytes());
        assertThat(c.file).isEmpty();
        assertThat(c.lines).isEmpty();
        assertThat(c.payments).hasSize(7).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PaymentKind.DEBIT_RESULT);
            assertThat(p.paidOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        });
        assertThat(c.payments).extracting(ParsedPayment::resultCode).containsExactlyElementsOf(codes);
        assertThat(c.payments.get(0).reference()).isEqualTo(number(1).digits());
        assertThat(c.payments.get(0).line()).isEqualTo(2);
        // the holder's name went in as half-width kana, one byte each
        byte[] bytes = f.bytes();
        assertThat(ZenginDebitLayout.get(bytes, 122, ZenginDebitLayout.D_HOLDER)).isEqualTo("ﾏﾄﾞｸﾞﾁ ﾀﾛｳ");
    }

    @Test
    void recordsWithoutLineBreaksAreReadToo() {
        byte[] withBreaks = new File().header("0601").data(number(1), 5000, "0").trailer(0).end().bytes();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int i = 0; i < withBreaks.length; i += 122) {
            plain.write(withBreaks, i, 120);
        }
        Collected c = read(plain.toByteArray());
        assertThat(c.file).isEmpty();
        assertThat(c.payments).hasSize(1);
    }

    @Test
    void trailerTotalsThatDisagreeRejectTheFile() {
        Collected c = read(new File().header("0601").data(number(1), 5000, "0").data(number(2), 7000, "1")
                .trailer(1).end().bytes());
        assertThat(c.file).singleElement().asString().contains("4行目").contains("合計件数（3件）")
                .contains("（2件）");
    }

    @Test
    void aFileCutOffIsRejected() {
        byte[] full = new File().header("0601").data(number(1), 5000, "0").data(number(2), 7000, "0").trailer(0)
                .end().bytes();
        Collected noEnd = read(java.util.Arrays.copyOf(full, 122 * 4));
        assertThat(noEnd.file).singleElement().asString().contains("エンド・レコード");
        Collected noTrailer = read(java.util.Arrays.copyOf(full, 122 * 3));
        assertThat(noTrailer.file).singleElement().asString().contains("トレーラー・レコード");
        Collected midRecord = read(java.util.Arrays.copyOf(full, 122 * 2 + 60));
        assertThat(midRecord.lines).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("60バイト");
        });
        assertThat(midRecord.file).isNotEmpty();
    }

    @Test
    void badRecordsAreReportedWithTheirLine() {
        byte[] unknownType = ZenginDebitLayout.record('5');
        byte[] badResult = new File().header("0601").data(number(3), 100, "7").bytes();
        byte[] badResultRecord = java.util.Arrays.copyOfRange(badResult, 122, 242);
        byte[] fullWidth = java.util.Arrays.copyOfRange(new File().header("0601").data(number(4), 100, "0").bytes(),
                122, 242);
        byte[] kanji = "山".getBytes(TextEncodings.CP932);
        System.arraycopy(kanji, 0, fullWidth, 50, 2);
        byte[] letters = java.util.Arrays.copyOfRange(new File().header("0601").data(number(5), 100, "0").bytes(),
                122, 242);
        letters[85] = 'X'; // inside 引落金額
        File f = new File().header("0601").data(number(1), 5000, "0").raw(unknownType).raw(badResultRecord)
                .raw(fullWidth).raw(letters).raw(java.util.Arrays.copyOf(unknownType, 121));
        f.count += 3; // the three bad data records are data records: the trailer counts them
        f.amount += 300;
        f.debitedCount += 2;
        f.debitedAmount += 200;
        Collected c = read(f.trailer(0).end().bytes());
        assertThat(c.payments).hasSize(1);
        assertThat(c.lines).extracting(LineProblem::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(c.lines.get(0).reason()).contains("データ区分「5」は不明");
        assertThat(c.lines.get(1).reason()).contains("振替結果コード「7」は不明");
        assertThat(c.lines.get(2).reason()).contains("51バイト目");
        assertThat(c.lines.get(3).reason()).contains("引落金額");
        assertThat(c.lines.get(4).reason()).contains("121バイト");
    }

    @Test
    void utf8IsRejected() {
        Collected c = read("1910マドグチ".getBytes(StandardCharsets.UTF_8));
        assertThat(c.file).singleElement().asString().contains("UTF-8");
    }

    @Test
    void theDebitDayWithoutYearIsTheNearestToToday() {
        assertThat(FieldReader.mmddNear("引落日", "1227", LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(FieldReader.mmddNear("引落日", "0105", LocalDate.of(2026, 12, 27))).isEqualTo(LocalDate.of(2027, 1, 5));
    }
}
