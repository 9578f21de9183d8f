package jp.madoguchi.certificate.internal.web;

import java.io.IOException;
import java.util.Optional;
import jp.madoguchi.certificate.CertificateState;
import jp.madoguchi.certificate.CertificateVerification;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.ServedMunicipality;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page (証明書の真正性の確認, portal, no sign-in): the printed code or the QR code's link shows
 * the certificate's type, issue date, issuing municipality, state and a rendering of its page 1 to compare with the
 * paper; an uploaded PDF is checked by its signature.
 */
@Controller
class VerifyController {

    static final long MAX_UPLOAD = 5 * 1024 * 1024;

    private final CertificateVerification verification;
    private final ServedMunicipality served;

    VerifyController(CertificateVerification verification, ServedMunicipality served) {
        this.verification = verification;
        this.served = served;
    }

    private String municipality(String m) {
        return m != null && m.matches("[0-9]{6}") ? m : served.current().map(Municipality::code).orElse(null);
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String m, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("municipalityName", served.displayName());
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("m", m == null ? "" : m);
        if (code != null && !code.isBlank()) {
            Optional<CertificateVerification.Verified> found = verification.byCode(municipality(m), code);
            if (found.isEmpty()) {
                model.addAttribute("error", "検証コード「" + code + "」の証明書は見つかりません。コードを確かめてください"
                        + "（英数字20文字。O と 0、I と 1 は同じものとして扱います）。");
            } else {
                model.addAttribute("found", found.get());
                model.addAttribute("stateMessage", found.get().state().verificationMessage());
                model.addAttribute("valid", found.get().state() == CertificateState.ISSUED);
            }
        }
        return "verify/verify";
    }

    @GetMapping(value = "/verify/page1.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page1(@RequestParam(required = false) String m, @RequestParam String code) {
        return verification.page1Png(municipality(m), code)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/verify/pdf")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("municipalityName", served.displayName());
        model.addAttribute("code", "");
        model.addAttribute("m", "");
        if (file.isEmpty() || file.getSize() > MAX_UPLOAD) {
            model.addAttribute("error", "PDF ファイル（5 MB まで）を選んでください。");
            return "verify/verify";
        }
        CertificateVerification.PdfCheck check = verification.check(file.getBytes());
        model.addAttribute("check", check);
        model.addAttribute("checkOk", check.outcome() == CertificateVerification.Outcome.GENUINE);
        return "verify/verify";
    }
}
