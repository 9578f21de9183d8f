package jp.madoguchi.counter.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import jp.madoguchi.application.AnswerLines;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.CaseSummary;
import jp.madoguchi.catalog.ApplicableProcedure;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.Department;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.PdfText;
import jp.madoguchi.resident.AccessPurpose;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

/**
 * 窓口で印刷する書類 — a filled form per case (the submitted values, dates in 和暦) for the procedures that still need
 * paper, and the おくやみ take-home guide: the deceased's name, what was done today and what remains elsewhere with
 * the contact details of the catalog's departments. A4, the embedded Japanese font of the platform.
 */
@Component
class VisitPdfs {

    private static final float LEFT = 20;
    private static final float WIDTH = 170;
    private static final float TOP = 275;
    private static final float BOTTOM = 20;

    private final JapaneseFonts fonts;
    private final ApplicationService applications;
    private final VisitService visits;
    private final MunicipalityDirectory municipalities;

    VisitPdfs(JapaneseFonts fonts, ApplicationService applications, VisitService visits,
            MunicipalityDirectory municipalities) {
        this.fonts = fonts;
        this.applications = applications;
        this.visits = visits;
        this.municipalities = municipalities;
    }

    /** The label and the value of each answered field, in form order (group items numbered), dates in 和暦. */
    static List<String[]> lines(Form form, Map<String, Object> values) {
        return AnswerLines.of(form, values, v -> ApplicationService.SEEN_AT_COUNTER.equals(v) ? "原本を窓口で確認" : "添付あり")
                .stream().map(l -> new String[] {l.label(), l.value()}).toList();
    }

    /** A case's submitted values on the procedure's form. */
    byte[] casePdf(Visit v, long caseId) {
        CaseSummary c = applications.caseSummary(caseId).orElseThrow();
        Form form = applications.formOfCase(c.id());
        Map<String, Object> data = applications.caseData(caseId);
        Writer w = new Writer();
        w.title(form.title());
        w.text("受付番号 " + c.receiptNumber() + "　受付日 " + Wareki.format(applications.today())
                + "　窓口受付（本人確認済み・電子署名不要）", 9);
        w.gap();
        for (String[] line : lines(form, data)) {
            w.pair(line[0], line[1]);
        }
        w.gap();
        w.text("この書類は窓口で確認した内容を印刷したものです。担当：" + v.staffName(), 9);
        return w.finish();
    }

    /** The おくやみ take-home guide. */
    byte[] okuyamiGuide(Visit v) {
        PersonFacts deceased = visits.person(v.subjectAtena(), AccessPurpose.COUNTER_SERVICE).orElseThrow();
        Catalog catalog = applications.catalog();
        Determination d = visits.determination(v).orElseThrow();
        Writer w = new Writer();
        w.title("おくやみの手続のご案内");
        w.text("故 " + deceased.name() + " 様（" + Wareki.format(deceased.movedDate()) + " ご逝去）のご家族の皆様へ", 11);
        w.text("作成日 " + Wareki.format(applications.today()) + "　" + municipalities.current().name() + " おくやみコーナー",
                9);
        w.gap();
        w.heading("本日お受けした手続");
        List<CaseSummary> cases = v.applicationId() == null ? List.of()
                : applications.application(v.applicationId()).orElseThrow().cases();
        if (cases.isEmpty()) {
            w.text("（なし）", 10);
        }
        for (CaseSummary c : cases) {
            w.text("■ " + c.procedureName() + "（" + c.departmentName() + "、受付番号 " + c.receiptNumber() + "）", 10);
        }
        w.gap();
        w.heading("町の窓口でのほかの手続");
        for (ApplicableProcedure p : d.procedures()) {
            String code = p.procedure().code();
            Department dept = catalog.department(p.procedure().department()).orElse(null);
            if (v.procedures().contains(code) || dept == null || dept.external()) {
                continue;
            }
            w.item(p, dept);
        }
        w.gap();
        w.heading("町役場以外での手続（年金事務所・税務署・法務局・金融機関など）");
        for (ApplicableProcedure p : d.procedures()) {
            Department dept = catalog.department(p.procedure().department()).orElse(null);
            if (dept != null && dept.external()) {
                w.item(p, dept);
            }
        }
        return w.finish();
    }

    /** A4 pages written top to bottom. */
    private final class Writer {
        private final PDDocument doc = new PDDocument();
        private final PDFont font = fonts.embedIn(doc);
        private PdfText text;
        private float y;

        Writer() {
            newPage();
        }

        private void newPage() {
            if (text != null) {
                text.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            text = PdfText.open(doc, page, font);
            y = TOP;
        }

        private void room(float mm) {
            if (y - mm < BOTTOM) {
                newPage();
            }
        }

        void title(String s) {
            room(12);
            text.line(s, LEFT, y, 16);
            y -= 10;
        }

        void heading(String s) {
            room(10);
            text.line(s, LEFT, y, 12);
            y -= 7;
        }

        void text(String s, float size) {
            room(8);
            y = text.paragraph(s, LEFT, y, WIDTH, size, 1.5f);
        }

        void pair(String label, String value) {
            room(8);
            float after = text.paragraph(label, LEFT, y, 60, 9, 1.4f);
            float after2 = text.paragraph(value, LEFT + 62, y, WIDTH - 62, 10, 1.4f);
            y = Math.min(after, after2) - 1;
        }

        void item(ApplicableProcedure p, Department dept) {
            text("■ " + p.procedure().name() + p.deadline().map(dl -> "（期限 " + Wareki.format(dl) + "）").orElse(""),
                    10);
            text("　" + dept.name() + (dept.place() == null ? "" : "　" + dept.place())
                    + (dept.phone() == null ? "" : "　電話 " + dept.phone()), 9);
        }

        void gap() {
            y -= 4;
        }

        byte[] finish() {
            try (doc) {
                text.close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
