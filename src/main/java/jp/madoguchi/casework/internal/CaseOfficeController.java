package jp.madoguchi.casework.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.ApplicationService.ApplicationView;
import jp.madoguchi.application.AttachmentInfo;
import jp.madoguchi.application.CaseAction;
import jp.madoguchi.application.CaseException;
import jp.madoguchi.application.CaseStatus;
import jp.madoguchi.application.CaseSummary;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.casework.RegisterComparison;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 申請管理 — the work queues, a case with its form, attachments, signature, the applicant's register record and the
 * differences, its history and actions, and the export of decided applications.
 */
@Controller
@PreAuthorize("hasAnyRole('COUNTER', 'REVIEWER', 'ADMIN')")
class CaseOfficeController {

    private final ApplicationService applications;
    private final RegisterComparison comparison;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final jp.madoguchi.application.CasePdf casePdfs;

    CaseOfficeController(ApplicationService applications, RegisterComparison comparison,
            TransactionTemplate transactions, JsonMapper json, jp.madoguchi.application.CasePdf casePdfs) {
        this.casePdfs = casePdfs;
        this.applications = applications;
        this.comparison = comparison;
        this.transactions = transactions;
        this.json = json;
    }

    private <T> T tx(Supplier<T> work) {
        return transactions.execute(s -> work.get());
    }

    @GetMapping("/office/cases")
    String queue(@RequestParam(required = false) String department, @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "false") boolean mine, Model model) {
        StaffMember me = CurrentStaff.require();
        model.addAttribute("cases", tx(() -> applications.queue(blank(department), status, status == null,
                mine ? me.id() : null, 500)));
        model.addAttribute("counts", tx(applications::openCounts));
        model.addAttribute("departments", tx(() -> applications.catalog().departments().values().stream()
                .filter(d -> !d.external()).toList()));
        model.addAttribute("procedures", tx(() -> applications.catalog().forms().values().stream()
                .map(f -> applications.catalog().procedure(f.procedure()).orElseThrow()).toList()));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("department", department);
        model.addAttribute("status", status);
        model.addAttribute("mine", mine);
        model.addAttribute("today", applications.today());
        return "office/cases";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A form's answer as staff read it. */
    public record Line(String label, String value, boolean attachment, String attachmentId) {
    }

    @GetMapping("/office/cases/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "false") boolean compare, Model model) {
        CaseSummary c = tx(() -> applications.caseSummary(id)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件が見つかりません"));
        ApplicationView app = tx(() -> applications.application(c.applicationId())).orElseThrow();
        Form form = tx(() -> applications.formOfCase(id));
        Map<String, Object> data = tx(() -> applications.caseData(id));
        Map<String, AttachmentInfo> files = app.draftId() == null ? Map.of()
                : tx(() -> applications.attachments(app.draftId()));
        model.addAttribute("c", c);
        model.addAttribute("app", app);
        model.addAttribute("form", form);
        model.addAttribute("lines", lines(form, data, files));
        model.addAttribute("events", tx(() -> applications.events(id, false)));
        model.addAttribute("actions", CaseAction.forStaff(c.status()));
        model.addAttribute("decisionNote", tx(() -> applications.decisionNote(id)).orElse(null));
        model.addAttribute("today", applications.today());
        if (compare) {
            try {
                model.addAttribute("comparison", comparison.compare(app.applicant(), "office:case-compare"));
            } catch (ResidentQueryException e) {
                model.addAttribute("comparisonError", e.getMessage());
            }
        }
        return "office/case";
    }

    private static List<Line> lines(Form form, Map<String, Object> data, Map<String, AttachmentInfo> files) {
        return jp.madoguchi.application.AnswerLines.of(form, data, id -> {
            AttachmentInfo a = files.get(id);
            return a == null ? "（見つかりません）" : a.originalName() + "（" + a.mediaType() + "、" + a.sizeLabel()
                    + "、SHA-256 " + a.sha256Hex().substring(0, 16) + "…）";
        }).stream().map(l -> new Line(l.label(), l.value(), l.attachmentId() != null && files.containsKey(l.attachmentId()),
                l.attachmentId())).toList();
    }

    @PostMapping("/office/cases/{id}/act")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    String act(@PathVariable long id, @RequestParam CaseAction action, @RequestParam int version,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            tx(() -> applications.act(id, version, action, CurrentStaff.actor(), Channel.OFFICE, comment));
            redirect.addFlashAttribute("done", "「" + action.label() + "」を記録しました");
        } catch (CaseException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/office/cases/" + id;
    }

    @PostMapping("/office/cases/{id}/assign")
    String assign(@PathVariable long id) {
        StaffMember me = CurrentStaff.require();
        tx(() -> {
            applications.assign(id, me.id(), me.displayName(), CurrentStaff.actor());
            return null;
        });
        return "redirect:/office/cases/" + id;
    }

    @PostMapping("/office/cases/{id}/comment")
    String comment(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
        try {
            tx(() -> {
                applications.comment(id, text, CurrentStaff.actor());
                return null;
            });
        } catch (CaseException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/cases/" + id;
    }

    /** The case's submitted content printed (A4 PDF, the form of its catalog version, 和暦). */
    @GetMapping("/office/cases/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        CaseSummary c = tx(() -> applications.caseSummary(id)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件が見つかりません"));
        byte[] pdf = tx(() -> casePdfs.render(id, "印刷 " + CurrentStaff.require().displayName()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("case-" + c.receiptNumber() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/office/cases/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable UUID attachment) {
        CaseSummary c = tx(() -> applications.caseSummary(id)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件が見つかりません"));
        ApplicationView app = tx(() -> applications.application(c.applicationId())).orElseThrow();
        AttachmentInfo info = tx(() -> applications.attachment(attachment)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "添付ファイルが見つかりません"));
        byte[] content = app.draftId() == null ? null
                : tx(() -> applications.attachmentContent(attachment, app.draftId())).orElse(null);
        if (content == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "添付ファイルが見つかりません");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(info.originalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    @GetMapping("/office/cases/export")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam String procedure, @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "false") boolean wareki) {
        Form form;
        try {
            form = tx(() -> applications.form(procedure));
        } catch (CaseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        var cases = tx(() -> applications.decided(procedure));
        String stem = procedure + "-decided-" + applications.today();
        if (format.equals("json")) {
            return file(CaseExport.json(json, form, cases, wareki), stem + ".json", "application/json");
        }
        CaseExport.Encoding encoding = switch (format) {
            case "csv" -> CaseExport.Encoding.UTF8;
            case "csv-bom" -> CaseExport.Encoding.UTF8_BOM;
            case "cp932" -> CaseExport.Encoding.CP932;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "出力形式は csv, csv-bom, cp932, json のいずれかにしてください");
        };
        try {
            return file(CaseExport.csv(form, cases, encoding, wareki), stem + ".csv",
                    encoding == CaseExport.Encoding.CP932 ? "text/csv; charset=Shift_JIS" : "text/csv; charset=UTF-8");
        } catch (CaseExport.EncodingException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("csv", "CSV（UTF-8）");
        m.put("csv-bom", "CSV（UTF-8 BOM付き）");
        m.put("cp932", "CSV（Shift_JIS/CP932）");
        m.put("json", "JSON");
        return m;
    }
}
