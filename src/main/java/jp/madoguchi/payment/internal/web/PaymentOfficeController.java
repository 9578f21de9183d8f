package jp.madoguchi.payment.internal.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.kit.SchoolYear;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.payment.AssessmentException;
import jp.madoguchi.payment.AssessmentImportReport;
import jp.madoguchi.payment.Assessments;
import jp.madoguchi.payment.ImportPolicy;
import jp.madoguchi.payment.PaymentImportReport;
import jp.madoguchi.payment.PaymentImports;
import jp.madoguchi.payment.PaymentReports;
import jp.madoguchi.payment.Reconciliation;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 公金収納 office screens (会計 and 管理者): funds and recent installments, the upload of assessments (調定 CSV) and of
 * payment files with their per-line reports, the quarantine with manual matching, the refund list with its 精算済み
 * action and the 収納日計表.
 */
@Controller
@PreAuthorize("hasAnyRole('ACCOUNTING', 'ADMIN')")
class PaymentOfficeController {

    private final Assessments assessments;
    private final PaymentImports imports;
    private final Reconciliation reconciliation;
    private final PaymentReports reports;
    /** The platform's clock (Asia/Tokyo): the office's "today", not the JVM's time zone. */
    private final Clock clock;

    PaymentOfficeController(Assessments assessments, PaymentImports imports, Reconciliation reconciliation,
            PaymentReports reports, Clock clock) {
        this.clock = clock;
        this.assessments = assessments;
        this.imports = imports;
        this.reconciliation = reconciliation;
        this.reports = reports;
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }

    @GetMapping("/office/payments")
    String overview(Model model) {
        model.addAttribute("funds", assessments.funds());
        model.addAttribute("installments", assessments.recentInstallments(50));
        model.addAttribute("formats", imports.formats());
        model.addAttribute("policies", ImportPolicy.values());
        model.addAttribute("quarantine", reconciliation.quarantine(100));
        model.addAttribute("refunds", reconciliation.openRefunds(100));
        model.addAttribute("slipFiscalYear", SchoolYear.fiscalYearOf(LocalDate.now(clock)));
        return "office/payments/overview";
    }

    @PostMapping("/office/payments/import")
    String importFile(@RequestParam String format, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportPolicy policy,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "ファイルを選んでください");
            return overview(model);
        }
        PaymentImportReport report;
        try {
            report = imports.importFile(format, file.getOriginalFilename(), file.getBytes(), policy, actor());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return overview(model);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "office/payments/import-report";
    }

    @PostMapping("/office/payments/quarantine/{id}/match")
    String match(@PathVariable long id, @RequestParam(defaultValue = "") String paymentNumber,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            var record = reconciliation.matchManually(id, paymentNumber, note, actor());
            redirect.addFlashAttribute("notice", "収納データ " + id + " を納付番号 " + paymentNumber.strip()
                    + " に消し込みました（結果: " + record.outcome() + "）。");
        } catch (AssessmentException e) {
            redirect.addFlashAttribute("error", "収納データ " + id + ": " + e.getMessage());
        }
        return "redirect:/office/payments#quarantine";
    }

    /** 調定 CSV upload: the whole file is committed or, with any bad row, nothing; the report lists every row's problem. */
    @PostMapping("/office/payments/assessments/import")
    String importAssessments(@RequestParam(defaultValue = "auto") String charset,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "調定のCSVファイルを選んでください");
            return overview(model);
        }
        Charset chosen;
        switch (charset) {
            case "auto" -> chosen = null;
            case "UTF-8" -> chosen = StandardCharsets.UTF_8;
            case "windows-31j" -> chosen = TextEncodings.CP932;
            default -> {
                model.addAttribute("error", "文字コード「" + charset + "」は選べません（自動判定・UTF-8・Shift_JIS（CP932））");
                return overview(model);
            }
        }
        AssessmentImportReport report;
        try {
            report = assessments.importCsv(file.getBytes(), chosen, actor());
        } catch (AssessmentException e) {
            model.addAttribute("error", "調定の取込: " + e.getMessage());
            return overview(model);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "office/payments/assessment-report";
    }

    /** 精算済み: the refund-list entry was refunded or applied outside (with what was done, for the audit event). */
    @PostMapping("/office/payments/refunds/{id}/settle")
    String settleRefund(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        if (note.isBlank()) {
            redirect.addFlashAttribute("error", "過誤納・一部納付 " + id + ": 処理の内容（還付・充当・督促など）を入力してください");
            return "redirect:/office/payments#refunds";
        }
        try {
            reconciliation.settleRefund(id, note, actor());
            redirect.addFlashAttribute("notice", "過誤納・一部納付 " + id + " を精算済みにしました。");
        } catch (AssessmentException e) {
            redirect.addFlashAttribute("error", "過誤納・一部納付 " + id + ": " + e.getMessage());
        }
        return "redirect:/office/payments#refunds";
    }

    @GetMapping("/office/payments/daily")
    String daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(6) : from;
        if (start.isAfter(end)) {
            model.addAttribute("error", "開始日が終了日より後です");
            start = end;
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("totals", reports.daily(start, end));
        model.addAttribute("periodTotals", reports.period(start, end));
        return "office/payments/daily";
    }
}
