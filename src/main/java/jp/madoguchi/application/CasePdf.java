package jp.madoguchi.application;

import java.util.Map;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.PdfPages;
import org.springframework.stereotype.Component;

/**
 * 申請内容の印刷 — a case's submitted values on the form it was submitted on (labels of that catalog version, group
 * items numbered, dates in 和暦), with the 受付番号, the day it was received and how (online with a verified signature,
 * online, or at the counter with the identity checked in person). A4, the platform's embedded Japanese font. Used
 * by the office's case page and by the counter for the procedures that still need paper.
 */
@Component
public class CasePdf {

    private final ApplicationService applications;
    private final JapaneseFonts fonts;

    CasePdf(ApplicationService applications, JapaneseFonts fonts) {
        this.applications = applications;
        this.fonts = fonts;
    }

    /**
     * The case as a PDF; call inside the tenant's transaction.
     *
     * @param footer a closing line (who printed it, why), or {@code null}
     */
    public byte[] render(long caseId, String footer) {
        CaseSummary c = applications.caseSummary(caseId).orElseThrow(() -> new CaseException("案件が見つかりません"));
        ApplicationService.ApplicationView app = applications.application(c.applicationId()).orElseThrow();
        Form form = applications.formOfCase(caseId);
        Map<String, Object> data = applications.caseData(caseId);
        PdfPages pages = new PdfPages(fonts).title(form.title());
        pages.text("受付番号 " + c.receiptNumber() + "　受付日 "
                + Wareki.format(app.submittedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate()) + "　"
                + how(app), 9);
        pages.text("担当 " + c.departmentName() + "　状況 " + c.status().label(), 9);
        pages.gap();
        for (AnswerLines.Line line : AnswerLines.withoutFiles(form, data)) {
            pages.pair(line.label(), line.value());
        }
        if (footer != null) {
            pages.gap().text(footer, 9);
        }
        return pages.finish();
    }

    private static String how(ApplicationService.ApplicationView app) {
        return switch (app.channel()) {
            case "COUNTER" -> "窓口受付（本人確認済み・電子署名不要）";
            case "ONLINE" -> app.signed() ? "オンライン申請（電子署名あり・検証済み）" : "オンライン申請";
            default -> app.channel();
        };
    }
}
