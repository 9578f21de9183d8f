package jp.madoguchi.payment.internal.web;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.payment.PaymentSlips;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 納付書 downloads for 会計 and 管理者: one installment's slip, and a batch (one PDF, a page per open installment of
 * a fund, 年度 and 期別). The batch is synchronous; its page count and render time are in the response headers.
 */
@Controller
@PreAuthorize("hasAnyRole('ACCOUNTING', 'ADMIN')")
class PaymentSlipController {

    /** Response header with the number of slips (pages) in the PDF. */
    static final String PAGES_HEADER = "X-Madoguchi-Slip-Pages";
    /** Response header with the render time of a batch, milliseconds. */
    static final String MILLIS_HEADER = "X-Madoguchi-Slip-Render-Millis";

    private final PaymentSlips slips;

    PaymentSlipController(PaymentSlips slips) {
        this.slips = slips;
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
