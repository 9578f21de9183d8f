package jp.madoguchi.counter.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.application.AnswerLines;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.Submitted;
import jp.madoguchi.catalog.FormInput;
import jp.madoguchi.counter.VisitState;
import jp.madoguchi.platform.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 確認用タブレット — the visitor's screen of a visit: the prepared content read-only, the visitor's name and the check
 * code staff also see, an attested tick and an optional drawn signature. The token (a per-visit secret) names the
 * municipality and the visit; no staff session is needed.
 */
@Controller
class KioskVisitController {

    private static final int MAX_SIGNATURE_BYTES = 512 * 1024;

    private final VisitService visits;
    private final ApplicationService applications;
    private final TransactionTemplate tx;

    KioskVisitController(VisitService visits, ApplicationService applications, TransactionTemplate tx) {
        this.tx = tx;
        this.visits = visits;
        this.applications = applications;
    }

    /** The municipality code a token starts with, when well formed. */
    static Optional<String> tenantOf(String token) {
        if (token == null || !token.matches("[0-9]{6}\\.[A-Za-z0-9_-]{32}")) {
            return Optional.empty();
        }
        return Optional.of(token.substring(0, 6));
    }

    @GetMapping("/kiosk/visits/{token}")
    String show(@PathVariable String token, Model model) {
        Optional<String> tenant = tenantOf(token);
        if (tenant.isEmpty()) {
            model.addAttribute("error", "この確認画面のアドレスは正しくありません。職員にお声がけください。");
            return "counter/kiosk";
        }
        TenantContext.runAs(tenant.get(), () -> tx.executeWithoutResult(s -> fill(token, model)));
        return "counter/kiosk";
    }

    private void fill(String token, Model model) {
        Optional<Visit> found = visits.byToken(token);
        if (found.isEmpty()) {
            model.addAttribute("error", "この確認画面は無効です。職員にお声がけください。");
            return;
        }
        Visit v = found.get();
        model.addAttribute("visit", v);
        model.addAttribute("token", token);
        model.addAttribute("visitorName", visits.visitorAtKiosk(v).map(PersonFacts::name).orElse(""));
        if (v.state() != VisitState.OPEN) {
            return;
        }
        Map<String, List<AnswerLines.Line>> content = new LinkedHashMap<>();
        for (String code : v.procedures()) {
            var form = applications.form(code);
            FormInput.Reading r = visits.reading(form, v.sheets().get(code));
            content.put(form.title(), AnswerLines.withoutFiles(form, r.values()));
        }
        model.addAttribute("content", content);
        model.addAttribute("ready", !v.procedures().isEmpty() && visits.problems(v).isEmpty());
    }

    @PostMapping("/kiosk/visits/{token}/confirm")
    String confirm(@PathVariable String token, @RequestParam(required = false) String visit,
            @RequestParam(required = false) String checkCode, @RequestParam(required = false) String version,
            @RequestParam(required = false) String attested,
            @RequestParam(required = false) String signature, Model model) {
        Optional<String> tenant = tenantOf(token);
        if (tenant.isEmpty()) {
            model.addAttribute("error", "この確認画面のアドレスは正しくありません。職員にお声がけください。");
            return "counter/kiosk";
        }
        TenantContext.runAs(tenant.get(), () -> {
            try {
                UUID shown = visit == null ? null : UUID.fromString(visit);
                int shownVersion = version == null ? -1 : Integer.parseInt(version);
                Submitted s = visits.confirm(token, shown, checkCode == null ? "" : checkCode, shownVersion,
                        "true".equals(attested), png(signature));
                model.addAttribute("receipt", s.receiptNumber());
            } catch (VisitException | IllegalArgumentException e) {
                model.addAttribute("error", e instanceof VisitException ? e.getMessage()
                        : "確認の内容を読み取れませんでした。職員にお声がけください。");
            }
            tx.executeWithoutResult(s -> fill(token, model));
        });
        return "counter/kiosk";
    }

    /** The drawn signature: a PNG data URL from the canvas, checked to be a PNG of a sensible size. */
    static byte[] png(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            return null;
        }
        String prefix = "data:image/png;base64,";
        if (!dataUrl.startsWith(prefix)) {
            throw new VisitException("署名の画像を読み取れませんでした。もう一度署名してください。");
        }
        byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
        if (bytes.length > MAX_SIGNATURE_BYTES || bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P') {
            throw new VisitException("署名の画像を読み取れませんでした。もう一度署名してください。");
        }
        return bytes;
    }
}
