package jp.madoguchi.certificate.internal;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardMatch;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardRegisterMatcher;
import jp.madoguchi.card.CardSlots;
import jp.madoguchi.certificate.CertificateIssuance;
import jp.madoguchi.certificate.CertificateRefusedException;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.IssuedCertificate;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.certificate.Requester;
import jp.madoguchi.platform.ServedMunicipality;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.AccessPurpose;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 証明書のセルフ端末（キオスク） — the resident puts their My Number Card on the reader, types the 4-digit PIN, is
 * matched to the register (audited as the card holder at a kiosk), chooses 住民票の写し (本人 or 世帯全員) or
 * 印鑑登録証明書 and the number of copies, and gets the signed certificate to print. Touch-friendly, large text.
 * The authenticated card holder lives in the session for at most {@link #SESSION_MINUTES} minutes and only for
 * their own record; 「終了」 forgets it.
 */
@Controller
class KioskCertificateController {

    static final int SESSION_MINUTES = 5;
    static final String HOLDER = "madoguchi.kiosk.certificate-holder";
    static final String KIOSK_ID = "K1";
    private static final String VIA = "kiosk:certificates";

    /** The card holder authenticated at this kiosk session (no 個人番号 kept). */
    record Holder(String atenaNumber, String name, LocalDate birthDate, String address, Instant until,
            List<Long> issued) implements Serializable {
    }

    private final ServedMunicipality served;
    private final CardReader reader;
    private final CardSlots slots;
    private final CardRegisterMatcher matcher;
    private final CertificateIssuance issuance;
    private final TransactionTemplate transactions;

    KioskCertificateController(ServedMunicipality served, CardReader reader, CardSlots slots,
            CardRegisterMatcher matcher, CertificateIssuance issuance, TransactionTemplate transactions) {
        this.served = served;
        this.reader = reader;
        this.slots = slots;
        this.matcher = matcher;
        this.issuance = issuance;
        this.transactions = transactions;
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        String code = served.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "ポータルの自治体が設定されていません")).code();
        return TenantContext.callAs(code, () -> transactions.execute(s -> work.get()));
    }

    private Holder holder(HttpSession session) {
        Object h = session.getAttribute(HOLDER);
        if (h instanceof Holder holder && holder.until().isAfter(Instant.now())) {
            return holder;
        }
        session.removeAttribute(HOLDER);
        return null;
    }

    @GetMapping("/kiosk/certificates")
    String start(HttpSession session, Model model) {
        Holder h = holder(session);
        if (h != null) {
            return choose(h, model, null);
        }
        model.addAttribute("simulator", slots.mode() == CardReaderMode.SIMULATOR);
        model.addAttribute("cards", slots.simulatedCards());
        model.addAttribute("municipalityName", served.displayName());
        return "kiosk/certificates";
    }

    @PostMapping("/kiosk/certificates/card")
    String readCard(@RequestParam(required = false) String card, @RequestParam(required = false) String pin,
            HttpSession session, Model model) {
        char[] digits = pin == null ? new char[0]
                : jp.madoguchi.kit.CharacterWidth.toHalfWidth(pin.strip()).toCharArray();
        String error;
        try {
            if (digits.length != 4) {
                throw new IllegalArgumentException("暗証番号（数字4桁）を入力してください");
            }
            CardFacts facts = tx(() -> reader.read(slots.counterSlot(card), digits, Channel.KIOSK, VIA));
            CardMatch match = tx(() -> matcher.match(facts, AccessPurpose.CERTIFICATE, Channel.KIOSK, VIA));
            if (match.outcome() == CardMatch.Outcome.MATCHED && match.matched().isPresent()) {
                var resident = match.matched().get().resident();
                Holder h = new Holder(resident.atenaNumber(), facts.name(), facts.birthDate().toLocalDate().orElse(null),
                        facts.address(), Instant.now().plusSeconds(SESSION_MINUTES * 60L), new ArrayList<>());
                session.setAttribute(HOLDER, h);
                return choose(h, model, null);
            }
            error = "カードの内容と一致する住民記録が見つかりません。お手数ですが窓口でお申し出ください。";
        } catch (CardReadException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        } finally {
            java.util.Arrays.fill(digits, '0');
        }
        model.addAttribute("error", error);
        model.addAttribute("card", card);
        return start(session, model);
    }

    private String choose(Holder h, Model model, String error) {
        model.addAttribute("holder", h);
        model.addAttribute("error", error);
        model.addAttribute("municipalityName", served.displayName());
        // Fees come from configuration: no tenant or transaction needed.
        model.addAttribute("feeCopy", issuance.feePerCopy(CertificateType.RESIDENT_RECORD_COPY, Channel.KIOSK,
                RequestType.SELF));
        model.addAttribute("feeSeal", issuance.feePerCopy(CertificateType.SEAL_CERTIFICATE, Channel.KIOSK,
                RequestType.SELF));
        return "kiosk/certificates-choose";
    }

    @PostMapping("/kiosk/certificates/issue")
    String issue(@RequestParam String kind, @RequestParam(defaultValue = "1") int copies, HttpSession session,
            Model model) {
        Holder h = holder(session);
        if (h == null) {
            model.addAttribute("error", "時間が経過したため、最初からやり直してください。");
            return start(session, model);
        }
        CertificateType type = kind.equals("seal") ? CertificateType.SEAL_CERTIFICATE
                : CertificateType.RESIDENT_RECORD_COPY;
        boolean household = kind.equals("household");
        int n = Math.max(1, Math.min(3, copies));
        try {
            IssuedCertificate issued = tx(() -> issuance.issue(IssuanceRequest.kiosk(type, h.atenaNumber(),
                    new Requester(h.name(), h.birthDate(), h.atenaNumber(), h.address()), household, Set.of(), n,
                    KIOSK_ID)));
            List<Long> ids = new ArrayList<>(h.issued());
            ids.add(issued.id());
            session.setAttribute(HOLDER, new Holder(h.atenaNumber(), h.name(), h.birthDate(), h.address(), h.until(), ids));
            model.addAttribute("issued", issued);
            model.addAttribute("municipalityName", served.displayName());
            return "kiosk/certificates-issued";
        } catch (CertificateRefusedException e) {
            return choose(h, model, e.getMessage());
        }
    }

    @GetMapping("/kiosk/certificates/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, HttpSession session) {
        Holder h = holder(session);
        if (h == null || !h.issued().contains(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "証明書が見つかりません");
        }
        byte[] pdf = tx(() -> issuance.pdf(id)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "証明書が見つかりません"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("certificate-" + id + ".pdf")
                        .build().toString())
                .body(pdf);
    }

    @PostMapping("/kiosk/certificates/end")
    String end(HttpSession session) {
        session.removeAttribute(HOLDER);
        return "redirect:/kiosk/certificates";
    }
}
