package jp.madoguchi.payment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.payment.Assessments;
import jp.madoguchi.payment.ElQrPayloadEncoder;
import jp.madoguchi.payment.Fund;
import jp.madoguchi.payment.Installment;
import jp.madoguchi.payment.InstallmentState;
import jp.madoguchi.payment.PaymentSlips;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.MissingGlyphException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** 納付書 PDFs from the stored installments; one audit event per slip or batch (identifiers and counts only). */
@Service
class JdbcPaymentSlips implements PaymentSlips {

    /** States a slip is printed for: money still owed and no 速報 waiting. */
    static final List<InstallmentState> PRINTABLE = List.of(InstallmentState.UNPAID, InstallmentState.PARTIALLY_PAID);

    /** The open installments of a fund, 年度 and 期別 (parameters bound by {@link #open}). */
    private static final String OPEN = """
             where i.fund_code = :f and a.fiscal_year = :y and i.installment_no = :n and i.state in (:states)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Assessments assessments;
    private final MunicipalityDirectory municipalities;
    private final JapaneseFonts fonts;
    private final AuditTrail audit;
    private final SlipRenderer renderer;

    JdbcPaymentSlips(JdbcClient jdbc, TransactionTemplate transactions, Assessments assessments,
            MunicipalityDirectory municipalities, JapaneseFonts fonts, AuditTrail audit,
            ObjectProvider<ElQrPayloadEncoder> elQr) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.assessments = assessments;
        this.municipalities = municipalities;
        this.fonts = fonts;
        this.audit = audit;
        this.renderer = new SlipRenderer(Optional.ofNullable(elQr.getIfUnique()));
    }

    @Override
    public Optional<byte[]> slip(long installmentId, AuditEvent.Actor actor) {
        Optional<Installment> found = transactions.execute(s -> jdbc.sql(JdbcAssessments.INSTALLMENT_SELECT
                + " where i.id = :id").param("id", installmentId).query((rs, n) -> JdbcAssessments.installment(rs))
                .optional());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Installment i = found.get();
        if (!PRINTABLE.contains(i.state())) {
            throw new SlipException("この期別は「" + i.state().label() + "」のため納付書を発行できません（納付番号 "
                    + i.paymentNumber().digits() + "）");
        }
        Fund fund = fund(i.fundCode());
        byte[] pdf = render(List.of(i), fund);
        transactions.executeWithoutResult(s -> audit.record(new AuditEvent("payment.slip.issued", actor,
                actor.backOfficeChannel(), "payment_installment", Long.toString(i.id()), null,
                "payment-slip", Map.of("fund", fund.code(), "pages", "1"))));
        return Optional.of(pdf);
    }

    @Override
    public SlipBatch batch(String fundCode, int fiscalYear, int installmentNumber, AuditEvent.Actor actor) {
        Fund fund = fund(fundCode);
        List<Installment> open = openInstallments(fund, fiscalYear, installmentNumber);
        long start = System.nanoTime();
        byte[] pdf = render(open, fund);
        long millis = (System.nanoTime() - start) / 1_000_000;
        recordBatch(fund, fiscalYear, installmentNumber, open.size(), actor);
        return new SlipBatch(pdf, open.size(), millis);
    }

    /** The installments of a fund, 年度 and 期別 that get a slip, in 納付番号 order; refused when there are none. */
    List<Installment> openInstallments(Fund fund, int fiscalYear, int installmentNumber) {
        List<Installment> open = transactions.execute(s -> open(jdbc.sql(JdbcAssessments.INSTALLMENT_SELECT + OPEN
                + " order by i.payment_number"), fund, fiscalYear, installmentNumber)
                .query((rs, n) -> JdbcAssessments.installment(rs)).list());
        if (open.isEmpty()) {
            throw nothingOpen(fund, fiscalYear, installmentNumber);
        }
        return open;
    }

    /**
     * How many installments {@link #openInstallments} would answer, counted without loading them (a background batch
     * is asked for from a web request); refused the same way when there are none.
     */
    int countOpen(Fund fund, int fiscalYear, int installmentNumber) {
        int count = transactions.execute(s -> open(jdbc.sql("""
                select count(*) from payment_installment i join payment_assessment a on a.id = i.assessment_id
                """ + OPEN), fund, fiscalYear, installmentNumber).query(Integer.class).single());
        if (count == 0) {
            throw nothingOpen(fund, fiscalYear, installmentNumber);
        }
        return count;
    }

    private static JdbcClient.StatementSpec open(JdbcClient.StatementSpec sql, Fund fund, int fiscalYear,
            int installmentNumber) {
        return sql.param("f", fund.code()).param("y", fiscalYear).param("n", installmentNumber)
                .param("states", PRINTABLE.stream().map(Enum::name).toList());
    }

    private static SlipException nothingOpen(Fund fund, int fiscalYear, int installmentNumber) {
        return new SlipException(fund.name() + " " + SlipRenderer.fiscalYear(fiscalYear) + " 第" + installmentNumber
                + "期に納付書を発行する未納の期別がありません");
    }

    /** Appends {@code payment.slip.batch} (identifiers and counts only). */
    void recordBatch(Fund fund, int fiscalYear, int installmentNumber, int pages, AuditEvent.Actor actor) {
        transactions.executeWithoutResult(s -> audit.record(new AuditEvent("payment.slip.batch", actor,
                actor.backOfficeChannel(), "payment_fund", fund.code(), null, "payment-slip",
                Map.of("fiscalYear", Integer.toString(fiscalYear), "installment", Integer.toString(installmentNumber),
                        "pages", Integer.toString(pages)))));
    }

    Fund fund(String code) {
        return assessments.funds().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new SlipException("科目コード「" + code + "」は登録されていません"));
    }

    private byte[] render(List<Installment> installments, Fund fund) {
        return render(installments, fund, done -> {
        });
    }

    /** One PDF, a page per installment; {@code progress} is told the number of pages done after each page. */
    byte[] render(List<Installment> installments, Fund fund, IntConsumer progress) {
        String municipality = municipalities.current().fullName();
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = fonts.embedIn(document);
            int done = 0;
            for (Installment i : installments) {
                try {
                    renderer.addPage(document, font, new SlipRenderer.SlipData(i, fund, municipality));
                } catch (MissingGlyphException e) {
                    throw new SlipException("納付番号 " + i.paymentNumber().digits() + " の納付書を印刷できません: "
                            + e.getMessage());
                }
                progress.accept(++done);
            }
            document.getDocumentInformation().setTitle(SlipRenderer.title(installments.get(0), fund));
            return SlipRenderer.save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
