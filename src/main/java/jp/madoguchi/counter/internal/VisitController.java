package jp.madoguchi.counter.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardMatch;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.card.CardReaderMode;
import jp.madoguchi.card.CardRegisterMatcher;
import jp.madoguchi.card.CardSlots;
import jp.madoguchi.card.FieldComparison;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.QuestionType;
import jp.madoguchi.counter.VisitState;
import jp.madoguchi.kit.BarcodeImages;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.staff.CurrentStaff;
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
import org.springframework.transaction.support.TransactionTemplate;

/** 来庁受付 — the staff screens of the one-stop counter: open a visit, the questionnaire, the forms, the summary. */
@Controller
@PreAuthorize("hasRole('COUNTER') or hasRole('ADMIN')")
class VisitController {

    private final VisitService visits;
    private final VisitPdfs pdfs;
    private final CardReader reader;
    private final CardSlots slots;
    private final CardRegisterMatcher matcher;
    private final ResidentRegister register;
    private final ApplicationService applications;
    private final TransactionTemplate tx;
    private final Clock clock;

    VisitController(VisitService visits, VisitPdfs pdfs, CardReader reader, CardSlots slots,
            CardRegisterMatcher matcher, ResidentRegister register, ApplicationService applications,
            TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.visits = visits;
        this.pdfs = pdfs;
        this.reader = reader;
        this.slots = slots;
        this.matcher = matcher;
        this.register = register;
        this.applications = applications;
    }

    // ------------------------------------------------------------------------------------------------ opening

    @GetMapping("/office/visits")
    String start(Model model) {
        prepareStart(model, null);
        return "counter/start";
    }

    private void prepareStart(Model model, String card) {
        tx.executeWithoutResult(s -> prepareStartInTx(model, card));
    }

    private void prepareStartInTx(Model model, String card) {
        model.addAttribute("simulator", slots.mode() == CardReaderMode.SIMULATOR);
        model.addAttribute("cards", slots.simulatedCards());
        model.addAttribute("selectedCard", card == null ? "" : card);
        model.addAttribute("visits", visits.today(30));
    }

    /**
     * The candidates of the last card read in this staff session (宛名番号 → the differences to record): opening a visit
     * "by card" is allowed only for one of them, with the differences the server found — never the browser's word.
     */
    static final String CARD_CANDIDATES = "madoguchi.counter.card-candidates";

    /** Reads the card and matches it; one match opens the visit, with the differences recorded. */
    @PostMapping("/office/visits/card")
    String card(@RequestParam(required = false) String card, @RequestParam(required = false) String pin,
            jakarta.servlet.http.HttpSession session, Model model) {
        session.removeAttribute(CARD_CANDIDATES);
        char[] pinChars = pin == null ? new char[0] : CharacterWidth.alphanumericsToHalfWidth(pin.strip()).toCharArray();
        try {
            CardFacts facts = reader.read(slots.counterSlot(card), pinChars, Channel.COUNTER, VisitService.VIA);
            CardMatch match = matcher.match(facts, Channel.COUNTER, VisitService.VIA);
            if (match.outcome() == CardMatch.Outcome.MATCHED) {
                CardMatch.Candidate c = match.matched().orElseThrow();
                UUID id = visits.open(c.resident().atenaNumber(), "CARD", mismatches(c), CurrentStaff.actor());
                return "redirect:/office/visits/" + id;
            }
            java.util.HashMap<String, List<String>> candidates = new java.util.HashMap<>();
            match.candidates().forEach(c -> candidates.put(c.resident().atenaNumber(), mismatches(c)));
            session.setAttribute(CARD_CANDIDATES, candidates);
            model.addAttribute("match", match);
            model.addAttribute("error", match.message());
        } catch (CardReadException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("pinInvalid", e.reason() == CardReadException.Reason.WRONG_PIN
                    || e.reason() == CardReadException.Reason.PIN_FORMAT);
        } catch (ResidentQueryException | VisitException e) {
            model.addAttribute("error", e.getMessage());
        }
        prepareStart(model, card);
        return "counter/start";
    }

    static List<String> mismatches(CardMatch.Candidate c) {
        return c.comparisons().stream().filter(FieldComparison::needsAttention)
                .map(f -> f.field().label() + "（" + f.agreement().label() + "）：カード「" + f.cardValue() + "」／住民記録「"
                        + f.registerValue() + "」").toList();
    }

    @PostMapping("/office/visits/search")
    String search(@RequestParam(required = false) String kana, @RequestParam(required = false) String birthDate,
            Model model) {
        try {
            model.addAttribute("hits", tx.execute(s -> register.search(new ResidentQuery(kana, birthDate, null),
                    AccessPurpose.VISIT_IDENTIFICATION, Channel.COUNTER, VisitService.VIA)));
        } catch (ResidentQueryException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("kana", kana);
        prepareStart(model, null);
        return "counter/start";
    }

    /** Opens a visit for a candidate of a card read or a search hit that staff chose. */
    @PostMapping("/office/visits/open")
    String open(@RequestParam String atena, @RequestParam String identifiedBy,
            jakarta.servlet.http.HttpSession session, Model model) {
        try {
            boolean byCard = "CARD".equals(identifiedBy);
            List<String> mismatches = List.of();
            if (byCard) {
                @SuppressWarnings("unchecked")
                Map<String, List<String>> candidates = (Map<String, List<String>>) session.getAttribute(CARD_CANDIDATES);
                if (candidates == null || !candidates.containsKey(atena)) {
                    throw new VisitException("この方は直前に読み取ったカードの候補にありません。もう一度カードを読み取るか、住民記録を検索して受付してください");
                }
                mismatches = candidates.get(atena);
                session.removeAttribute(CARD_CANDIDATES);
            }
            UUID id = visits.open(atena, byCard ? "CARD" : "REGISTER_SEARCH", mismatches, CurrentStaff.actor());
            return "redirect:/office/visits/" + id;
        } catch (VisitException | ResidentQueryException e) {
            model.addAttribute("error", e.getMessage());
            prepareStart(model, null);
            return "counter/start";
        }
    }

    // -------------------------------------------------------------------------------------------------- visit

    @GetMapping("/office/visits/{id}")
    String visit(@PathVariable UUID id, Model model) {
        return tx.execute(s -> visitPage(id, model));
    }

    private String visitPage(UUID id, Model model) {
        Visit v = visits.require(id);
        model.addAttribute("visit", v);
        PersonFacts visitor = visits.person(v.visitorAtena(), AccessPurpose.COUNTER_SERVICE).orElseThrow();
        model.addAttribute("visitor", visitor);
        if (v.subjectAtena() != null) {
            model.addAttribute("deceased", visits.person(v.subjectAtena(), AccessPurpose.COUNTER_SERVICE).orElseThrow());
        }
        model.addAttribute("events", applications.catalog().eventsInOrder());
        if (v.lifeEvent() != null) {
            model.addAttribute("questionnaire", visits.questionnaire(v));
            visits.determination(v).ifPresent(d -> {
                model.addAttribute("determination", d);
                List<String> withForm = new ArrayList<>();
                d.procedures().forEach(p -> {
                    if (applications.catalog().form(p.procedure().code()).isPresent()) {
                        withForm.add(p.procedure().code());
                    }
                });
                model.addAttribute("withForm", withForm);
            });
        }
        Map<String, List<VisitService.Input>> inputs = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String code : v.procedures()) {
            inputs.put(code, visits.inputs(v, code));
            titles.put(code, applications.form(code).title());
        }
        model.addAttribute("inputs", inputs);
        model.addAttribute("titles", titles);
        model.addAttribute("problems", v.procedures().isEmpty() ? Map.of() : visits.problems(v));
        model.addAttribute("visitEvents", visits.events(id));
        model.addAttribute("cases", v.applicationId() == null ? List.of()
                : applications.application(v.applicationId()).orElseThrow().cases());
        model.addAttribute("duration", v.duration(clock.instant()));
        return "counter/visit";
    }

    @PostMapping("/office/visits/{id}/event")
    String chooseEvent(@PathVariable UUID id, @RequestParam String lifeEvent,
            @RequestParam(required = false) String deceased, RedirectAttributes flash) {
        return run(id, flash, () -> visits.chooseEvent(id, lifeEvent, deceased));
    }

    @PostMapping("/office/visits/{id}/deceased-search")
    String deceasedSearch(@PathVariable UUID id, @RequestParam(required = false) String kana,
            RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("deceasedHits", tx.execute(s -> register.search(new ResidentQuery(kana, null, null),
                    AccessPurpose.COUNTER_SERVICE, Channel.COUNTER, VisitService.VIA).stream()
                    .filter(h -> "死亡者".equals(h.status())).toList()));
            flash.addFlashAttribute("deceasedKana", kana);
        } catch (ResidentQueryException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/visits/" + id + "#event";
    }

    @PostMapping("/office/visits/{id}/answers")
    String answers(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        Visit v = visits.require(id);
        Map<String, Object> raw = new LinkedHashMap<>();
        List<Question> asked = tx.execute(s -> visits.questionnaire(v).asked());
        for (Question q : asked) {
            String[] values = request.getParameterValues("q_" + q.id());
            if (q.type() == QuestionType.MULTI) {
                raw.put(q.id(), values == null ? List.of() : List.of(values));
            } else {
                raw.put(q.id(), values == null || values.length == 0 ? null : values[0]);
            }
        }
        try {
            visits.answer(id, raw);
        } catch (AnswerException e) {
            flash.addFlashAttribute("answerProblems", e.problems());
        } catch (VisitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/visits/" + id + "#questions";
    }

    @PostMapping("/office/visits/{id}/procedures")
    String pick(@PathVariable UUID id, @RequestParam(required = false) List<String> procedure,
            RedirectAttributes flash) {
        return run(id, flash, () -> visits.pick(id, procedure == null ? List.of() : procedure));
    }

    @PostMapping("/office/visits/{id}/sheets/{code}")
    String type(@PathVariable UUID id, @PathVariable String code, HttpServletRequest request,
            RedirectAttributes flash) {
        Visit v = visits.require(id);
        if (!v.sheets().containsKey(code)) {
            flash.addFlashAttribute("error", "手続「" + code + "」はこの受付で選ばれていません。");
            return "redirect:/office/visits/" + id;
        }
        // Only the inputs the page showed (an unticked box sends nothing, so "not sent" cannot mean "cleared").
        java.util.Set<String> shown = request.getParameterValues("shown") == null ? java.util.Set.of()
                : new java.util.HashSet<>(java.util.Arrays.asList(request.getParameterValues("shown")));
        Map<String, String> input = new LinkedHashMap<>();
        for (VisitService.Input in : tx.execute(s -> visits.inputs(v, code))) {
            if (!shown.contains(in.path())) {
                continue;
            }
            String[] values = request.getParameterValues("f:" + in.path());
            input.put(in.path(), values == null ? "" : String.join(",", values));
        }
        return run(id, flash, () -> visits.type(id, code, input));
    }

    @PostMapping("/office/visits/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes flash) {
        return run(id, flash, () -> visits.close(id, CurrentStaff.actor()));
    }

    private String run(UUID id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (VisitException | ResidentQueryException | IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/visits/" + id;
    }

    /** The tablet's address as a QR code (the token is the visit's secret; the image is served to staff only). */
    @GetMapping(value = "/office/visits/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable UUID id, HttpServletRequest request) {
        Visit v = visits.require(id);
        String url = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + "/kiosk/visits/" + v.token();
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(BarcodeImages.png(BarcodeImages.qr(url, 2), 6));
    }

    @GetMapping(value = "/office/visits/{id}/cases/{caseId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> casePdf(@PathVariable UUID id, @PathVariable long caseId) {
        return tx.execute(s -> casePdfInTx(id, caseId));
    }

    private ResponseEntity<byte[]> casePdfInTx(UUID id, long caseId) {
        Visit v = visits.require(id);
        if (v.applicationId() == null || applications.application(v.applicationId()).orElseThrow().cases().stream()
                .noneMatch(c -> c.id() == caseId)) {
            return ResponseEntity.notFound().build();
        }
        return pdf(pdfs.casePdf(v, caseId), "case-" + caseId + ".pdf");
    }

    @GetMapping(value = "/office/visits/{id}/guide.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> guidePdf(@PathVariable UUID id) {
        return tx.execute(s -> guidePdfInTx(id));
    }

    private ResponseEntity<byte[]> guidePdfInTx(UUID id) {
        Visit v = visits.require(id);
        if (v.subjectAtena() == null || v.state() == VisitState.OPEN) {
            return ResponseEntity.notFound().build();
        }
        return pdf(pdfs.okuyamiGuide(v), "okuyami-guide.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").body(bytes);
    }
}
