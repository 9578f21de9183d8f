package jp.madoguchi.certificate.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.CertificateIssuance;
import jp.madoguchi.certificate.CertificateRefusedException;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.IssuedCertificate;
import jp.madoguchi.certificate.OptionalItem;
import jp.madoguchi.certificate.PaymentMethod;
import jp.madoguchi.certificate.PurposeCategory;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.certificate.Requester;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 証明書の交付（窓口・郵送請求）: find the person in the register, choose the certificate, who asks, items and copies,
 * record the fee; the issued PDF is downloaded for printing. Also today's issuances with revocation, refusals, and the
 * 日計表 (screen and CSV).
 */
@Controller
@PreAuthorize("hasRole('COUNTER') or hasRole('ADMIN') or hasRole('ACCOUNTING')")
class CertificateOfficeController {

    static final String VIA = "/office/certificates";

    private final CertificateIssuance issuance;
    private final ResidentRegister register;

    CertificateOfficeController(CertificateIssuance issuance, ResidentRegister register) {
        this.issuance = issuance;
        this.register = register;
    }

    @GetMapping("/office/certificates")
    String index(@RequestParam(required = false) String kana, @RequestParam(required = false) String atena,
            Model model) {
        model.addAttribute("kana", kana == null ? "" : kana);
        model.addAttribute("atena", atena == null ? "" : atena);
        if ((kana != null && !kana.isBlank()) || (atena != null && !atena.isBlank())) {
            try {
                model.addAttribute("hits", register.search(new ResidentQuery(kana, null, atena),
                        AccessPurpose.CERTIFICATE, Channel.OFFICE, VIA));
            } catch (ResidentQueryException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        model.addAttribute("issued", issuance.issuedOn(LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))));
        model.addAttribute("refused", issuance.refusedOn(LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))));
        return "office/certificates/index";
    }

    @GetMapping("/office/certificates/new")
    String form(@RequestParam String atena, Model model) {
        try {
            model.addAttribute("person", register.read(atena, AccessPurpose.CERTIFICATE, Channel.OFFICE, VIA)
                    .orElse(null));
        } catch (ResidentQueryException e) {
            model.addAttribute("error", e.getMessage());
        }
        addChoices(model);
        model.addAttribute("atena", atena);
        return "office/certificates/form";
    }

    private void addChoices(Model model) {
        model.addAttribute("types", CertificateType.values());
        model.addAttribute("requestTypes", RequestType.values());
        model.addAttribute("optionalItems", OptionalItem.values());
        model.addAttribute("purposes", PurposeCategory.values());
        model.addAttribute("paymentMethods", PaymentMethod.values());
    }

    @PostMapping("/office/certificates")
    String issue(@RequestParam String atena, @RequestParam CertificateType type,
            @RequestParam(defaultValue = "false") boolean wholeHousehold,
            @RequestParam(required = false) List<String> members, @RequestParam(required = false) Set<OptionalItem> items,
            @RequestParam(required = false) String itemsReason, @RequestParam RequestType requestType,
            @RequestParam(required = false) String requesterName, @RequestParam(required = false) String requesterBirth,
            @RequestParam(required = false) String requesterAtena, @RequestParam(required = false) String requesterAddress,
            @RequestParam(required = false) PurposeCategory purposeCategory,
            @RequestParam(required = false) String purposeText, @RequestParam(required = false) String profession,
            @RequestParam(required = false) String professionNumber,
            @RequestParam(defaultValue = "false") boolean proxyLetter,
            @RequestParam(required = false) String sealCardNumber, @RequestParam(defaultValue = "COUNTER") Channel channel,
            @RequestParam(defaultValue = "1") int copies, @RequestParam(defaultValue = "CASH") PaymentMethod paymentMethod,
            @RequestParam(required = false) String postalOrderNumber, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        LocalDate birth = null;
        if (requesterBirth != null && !requesterBirth.isBlank()) {
            // Never dropped silently: the birth date is what a DV restriction is matched on.
            try {
                birth = RegisterDate.parse(requesterBirth.strip()).toLocalDate().orElse(null);
            } catch (KitFormatException e) {
                birth = null;
            }
            if (birth == null) {
                return refused("請求者の生年月日「" + requesterBirth + "」を読み取れません（年・月・日まで入力してください。"
                        + "例: 1985-07-07、昭和60年7月7日）。", atena, model, response);
            }
        }
        Channel ch = channel == Channel.POST ? Channel.POST : Channel.COUNTER;
        IssuanceRequest request = new IssuanceRequest(type, atena, wholeHousehold, members,
                items == null ? EnumSet.noneOf(OptionalItem.class) : items, blank(itemsReason), requestType,
                new Requester(blank(requesterName), birth, blank(requesterAtena), blank(requesterAddress)),
                purposeCategory, blank(purposeText), blank(profession), blank(professionNumber), proxyLetter,
                blank(sealCardNumber), ch, copies, paymentMethod, blank(postalOrderNumber), CurrentStaff.actor(), VIA);
        try {
            IssuedCertificate issued = issuance.issue(request);
            model.addAttribute("issued", issued);
            return "office/certificates/issued";
        } catch (CertificateRefusedException e) {
            return refused(e.getMessage(), atena, model, response);
        }
    }

    /** The form again with the reason (422), nothing issued. */
    private String refused(String reason, String atena, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("refusal", reason);
        model.addAttribute("atena", atena);
        model.addAttribute("person", register.read(atena, AccessPurpose.CERTIFICATE, Channel.OFFICE, VIA)
                .orElse(null));
        addChoices(model);
        return "office/certificates/form";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/office/certificates/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return issuance.pdf(id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + id + ".pdf\"").body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/office/certificates/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            issuance.revoke(id, reason, CurrentStaff.actor());
            redirect.addFlashAttribute("message", "証明書（ID " + id + "）を取り消しました。");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/certificates";
    }

    @GetMapping("/office/certificates/daily")
    String daily(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        LocalDate f = from == null ? LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")) : from;
        LocalDate t = to == null ? f : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("totals", issuance.dailyReport(f, t));
        return "office/certificates/daily";
    }

    @GetMapping("/office/certificates/daily.csv")
    ResponseEntity<byte[]> dailyCsv(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificate-daily-" + from + ".csv\"")
                .body(issuance.dailyReportCsv(from, to).getBytes(StandardCharsets.UTF_8));
    }
}
