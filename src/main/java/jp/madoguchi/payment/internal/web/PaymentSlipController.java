package jp.madoguchi.payment.internal.web;

import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.payment.PaymentSlips;
import jp.madoguchi.payment.internal.SlipBatches;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * 納付書 for 会計 and 管理者: one installment's slip; a batch (one PDF, a page per open installment of a fund, 年度 and
 * 期別) either as a background job with a progress page ({@code POST /office/payments/slips/batches}, what the office
 * screen uses) or synchronously for scripts ({@code GET …/batch.pdf}, page count and render time in the headers).
 */
@Controller
@PreAuthorize("hasAnyRole('ACCOUNTING', 'ADMIN')")
class PaymentSlipController {

    /** Response header with the number of slips (pages) in the PDF. */
    static final String PAGES_HEADER = "X-Madoguchi-Slip-Pages";
    /** Response header with the render time of a batch, milliseconds. */
    static final String MILLIS_HEADER = "X-Madoguchi-Slip-Render-Millis";

    private final PaymentSlips slips;
    private final SlipBatches batches;

    /** A batch's progress as the page's script polls it. */
    record Progress(String state, int done, int total, String failure) {
    }

    PaymentSlipController(PaymentSlips slips, SlipBatches batches) {
        this.slips = slips;
        this.batches = batches;
    }

    /** Starts a batch in the background and shows its progress page; a refusal is shown on the same page. */
    @PostMapping("/office/payments/slips/batches")
    String startBatch(@RequestParam String fund, @RequestParam int fiscalYear, @RequestParam int installment,
            Model model) {
        try {
            return "redirect:/office/payments/slips/batches/" + batches.start(fund, fiscalYear, installment, actor());
        } catch (PaymentSlips.SlipException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("recent", batches.recent(10));
            return "office/payments/slip-batch";
        }
    }

    @GetMapping("/office/payments/slips/batches/{id}")
    String batchPage(@PathVariable UUID id, Model model) {
        model.addAttribute("batch", batch(id));
        model.addAttribute("recent", batches.recent(10));
        return "office/payments/slip-batch";
    }

    /** The progress as JSON, for a script polling it. */
    @GetMapping(path = "/office/payments/slips/batches/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress batchProgress(@PathVariable UUID id) {
        SlipBatches.Batch b = batch(id);
        return new Progress(b.state(), b.done(), b.total(), b.failure());
    }

    private SlipBatches.Batch batch(UUID id) {
        return batches.batch(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "納付書の一括作成が見つかりません"));
    }

    @GetMapping("/office/payments/slips/batches/{id}.pdf")
    ResponseEntity<byte[]> batchPdf(@PathVariable UUID id) {
        SlipBatches.Batch b = batches.batch(id).orElse(null);
        if (b == null || !b.state().equals("DONE")) {
            return ResponseEntity.notFound().build();
        }
        return pdf(batches.pdf(id).orElseThrow(),
                "nofusho-" + b.fundCode() + "-" + b.fiscalYear() + "-" + b.installmentNumber() + ".pdf", b.total());
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }

    @GetMapping("/office/payments/slips/{installmentId}.pdf")
    ResponseEntity<byte[]> slip(@PathVariable long installmentId) {
        return slips.slip(installmentId, actor())
                .map(pdf -> pdf(pdf, "nofusho-" + installmentId + ".pdf", 1))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/office/payments/slips/batch.pdf")
    ResponseEntity<byte[]> batch(@RequestParam String fund, @RequestParam int fiscalYear,
            @RequestParam int installment) {
        PaymentSlips.SlipBatch batch = slips.batch(fund, fiscalYear, installment, actor());
        return ResponseEntity.ok()
                .headers(headers("nofusho-" + fund + "-" + fiscalYear + "-" + installment + ".pdf", batch.pages()))
                .header(MILLIS_HEADER, Long.toString(batch.millis()))
                .body(batch.pdf());
    }

    @ExceptionHandler(PaymentSlips.SlipException.class)
    ResponseEntity<ProblemDetail> refused(PaymentSlips.SlipException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("納付書を発行できません");
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String name, int pages) {
        return ResponseEntity.ok().headers(headers(name, pages)).body(pdf);
    }

    private static HttpHeaders headers(String name, int pages) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        headers.set(PAGES_HEADER, Integer.toString(pages));
        return headers;
    }
}
