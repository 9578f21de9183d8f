package jp.madoguchi.counter.internal;

import java.util.List;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.CasePdf;
import jp.madoguchi.application.CaseSummary;
import jp.madoguchi.catalog.ApplicableProcedure;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.Department;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.PdfPages;
import jp.madoguchi.resident.AccessPurpose;
import org.springframework.stereotype.Component;

/**
 * 窓口で印刷する書類 — a filled form per case (the submitted values, dates in 和暦) for the procedures that still need
 * paper, and the おくやみ take-home guide: the deceased's name, what was done today and what remains elsewhere with
 * the contact details of the catalog's departments. A4, the embedded Japanese font of the platform.
 */
@Component
class VisitPdfs {

    private final JapaneseFonts fonts;
    private final ApplicationService applications;
    private final VisitService visits;
    private final MunicipalityDirectory municipalities;
    private final CasePdf casePdfs;

    VisitPdfs(JapaneseFonts fonts, ApplicationService applications, VisitService visits,
            MunicipalityDirectory municipalities, CasePdf casePdfs) {
        this.casePdfs = casePdfs;
        this.fonts = fonts;
        this.applications = applications;
        this.visits = visits;
        this.municipalities = municipalities;
    }

    /** A case's submitted values on the procedure's form (the application module's printout), with who served. */
    byte[] casePdf(Visit v, long caseId) {
        return casePdfs.render(caseId, "この書類は窓口で確認した内容を印刷したものです。担当：" + v.staffName());
    }

    /** The おくやみ take-home guide. */
    byte[] okuyamiGuide(Visit v) {
        PersonFacts deceased = visits.person(v.subjectAtena(), AccessPurpose.COUNTER_SERVICE).orElseThrow();
        Catalog catalog = applications.catalog();
        Determination d = visits.determination(v).orElseThrow();
        PdfPages w = new PdfPages(fonts);
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
            item(w, p, dept);
        }
        w.gap();
        w.heading("町役場以外での手続（年金事務所・税務署・法務局・金融機関など）");
        for (ApplicableProcedure p : d.procedures()) {
            Department dept = catalog.department(p.procedure().department()).orElse(null);
            if (dept != null && dept.external()) {
                item(w, p, dept);
            }
        }
        return w.finish();
    }

    private static void item(PdfPages w, ApplicableProcedure p, Department dept) {
        w.text("■ " + p.procedure().name() + p.deadline().map(dl -> "（期限 " + Wareki.format(dl) + "）").orElse(""), 10);
        w.text("　" + dept.name() + (dept.place() == null ? "" : "　" + dept.place())
                + (dept.phone() == null ? "" : "　電話 " + dept.phone()), 9);
    }
}
