package jp.madoguchi.payment;

import jp.madoguchi.kit.TextEncodings;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.kit.CheckDigits;

/** Builders for payment tests: funds, assessments and payment files of a test municipality. */
final class PaymentTestSupport {

    static final String COMPANY = "912345";
    static final AuditEvent.Actor ACTOR = AuditEvent.Actor.system("payment-test");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PaymentTestSupport() {
    }

    /** A well-formed municipality code not used by other tests: "20597" + its check digit, etc. */
    static String municipalityCode(String five) {
        return five + CheckDigits.municipalityCodeCheckDigit(five);
    }

    static Fund kokuho() {
        return new Fund("kokuho", "国民健康保険料", "01", Optional.of(COMPANY), Optional.of("58001"), Optional.empty());
    }

    static Fund suido() {
        return new Fund("suido", "水道料金", "04", Optional.of(COMPANY), Optional.empty(), Optional.of(
                new Fund.DebitContract("1234567890", "ﾏﾄﾞｸﾞﾁﾏﾁ", "0123", "ﾅｶﾞﾉｷﾞﾝｺｳ", "001", "ﾎﾝﾃﾝ", "1",
                        "7654321")));
    }

    static void defineFunds(Assessments assessments) {
        assessments.defineFund(kokuho(), ACTOR);
        assessments.defineFund(suido(), ACTOR);
    }

    /** A fresh 宛名番号 (valid check digit). */
    static String atena() {
        return CheckDigits.appendModulus11(CheckDigits.nextIssuable(Long.toString(700_000_000L
                + SEQUENCE.incrementAndGet() * 10L)));
    }

    /** Creates a one-installment assessment and returns the installment. */
    static Installment installment(Assessments assessments, String fund, long amount, LocalDate due) {
        String atena = atena();
        assessments.create(new NewAssessment(fund, 2026, "T" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000,
                atena, List.of(new NewAssessment.NewInstallment(1, due, amount))), "office", ACTOR);
        return assessments.installmentsOf(atena).get(0);
    }

    /** A line of the convenience-store result CSV for an installment. */
    static String storeLine(String kind, Installment i, long amount, LocalDate paidOn, String time, String store) {
        String barcode = i.paymentNumber().barcode(COMPANY, i.fundCode().equals("kokuho") ? "01" : "04",
                Optional.of(i.dueDate()), (int) amount).digits();
        String day = paidOn.toString().replace("-", "");
        return kind + "," + day + "," + time + ",EAN" + barcode + ",,,0," + amount + ",0001,ローソン," + store
                + ",0," + day;
    }

    static byte[] cp932(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(TextEncodings.CP932);
    }

    static byte[] utf8(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
