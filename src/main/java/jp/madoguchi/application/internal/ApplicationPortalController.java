package jp.madoguchi.application.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.application.Applicant;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.application.AttachmentException;
import jp.madoguchi.application.AttachmentInfo;
import jp.madoguchi.application.CaseAction;
import jp.madoguchi.application.CaseException;
import jp.madoguchi.application.Draft;
import jp.madoguchi.catalog.FormInput;
import jp.madoguchi.application.SubmissionException;
import jp.madoguchi.application.Submitted;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.Prefill;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.identity.DemoSigningCard;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.identity.ResidentSession;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignatureVerifier;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.ServedMunicipality;
import jp.madoguchi.platform.TenantContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * オンライン申請（住民向け） — the forms, multi-step with save-and-resume, the confirmation page with the signature,
 * the submission, and マイページ with the status of each application and the answer to a correction request. Needs
 * a signed-in resident ({@link ResidentSession}); never reads the resident register.
 */
@Controller
class ApplicationPortalController {

    private final ServedMunicipality served;
    private final ApplicationService applications;
    private final ResidentSession session;
    private final ObjectProvider<SignatureVerifier> verifier;
    private final ObjectProvider<DemoSigningCard> demoCard;
    private final TransactionTemplate transactions;

    ApplicationPortalController(ServedMunicipality served, ApplicationService applications, ResidentSession session,
            ObjectProvider<SignatureVerifier> verifier, ObjectProvider<DemoSigningCard> demoCard,
            TransactionTemplate transactions) {
        this.served = served;
        this.applications = applications;
        this.session = session;
        this.verifier = verifier;
        this.demoCard = demoCard;
        this.transactions = transactions;
    }

    private Municipality municipality() {
        return served.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "ポータルの自治体が設定されていません（MADOGUCHI_PORTAL_MUNICIPALITY）"));
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(municipality().code(), () -> transactions.execute(s -> work.get()));
    }

    @ModelAttribute("municipalityName")
    String municipalityName() {
        return municipality().fullName();
    }

    @ModelAttribute("resident")
    ResidentIdentity resident(HttpServletRequest request) {
        return session.current(request).orElse(null);
    }

    private ResidentIdentity requireResident(HttpServletRequest request) {
        return session.current(request).orElseThrow(() -> new SignInRequired(session.signInUrl(pathOf(request))));
    }

    private static String pathOf(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getRequestURI() : "/mypage";
    }

    /** Thrown where a page needs a signed-in resident; answered with a redirect to the sign-in page. */
    static final class SignInRequired extends RuntimeException {
        final String url;

        SignInRequired(String url) {
            super(null, null, false, false);
            this.url = url;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(SignInRequired.class)
    String signIn(SignInRequired e) {
        return "redirect:" + e.url;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(Model model) {
        model.addAttribute("municipalityName", municipality().fullName());
        model.addAttribute("message", "送信されたファイルが大きすぎます。添付ファイルは1つ10MBまでです。前の画面に戻って選び直してください。");
        return "apply/problem";
    }

    // ---------------------------------------------------------------------------------------------------- forms

    public record FormEntry(Procedure procedure, Form form, String department) {
    }

    @GetMapping("/apply")
    String index(Model model) {
        Catalog catalog = tx(applications::catalog);
        List<FormEntry> entries = new ArrayList<>();
        catalog.onlineForms().forEach(f -> catalog.procedure(f.procedure()).ifPresent(p -> entries.add(
                new FormEntry(p, f, catalog.department(p.department()).map(d -> d.name()).orElse("")))));
        entries.sort(java.util.Comparator.comparing(FormEntry::department).thenComparing(e -> e.procedure().name()));
        model.addAttribute("entries", entries);
        return "apply/index";
    }

    @GetMapping("/apply/{code}")
    String intro(@PathVariable String code, Model model) {
        Catalog catalog = tx(applications::catalog);
        Form form = catalog.onlineForm(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "手続「" + code + "」のオンライン申請はありません"));
        Procedure p = catalog.procedure(code).orElseThrow();
        model.addAttribute("form", form);
        model.addAttribute("procedure", p);
        model.addAttribute("department", catalog.department(p.department()).orElse(null));
        model.addAttribute("attachments", form.fields().stream().filter(f -> f.type() == FieldType.ATTACHMENT).toList());
        model.addAttribute("signInUrl", session.signInUrl("/apply/" + code));
        return "apply/intro";
    }

    @PostMapping("/apply/start")
    String start(@RequestParam List<String> procedures, HttpServletRequest request) {
        ResidentIdentity who = requireResident(request);
        Map<Prefill, Object> facts = new EnumMap<>(Prefill.class);
        put(facts, Prefill.NAME, who.name());
        put(facts, Prefill.KANA, who.nameKana());
        put(facts, Prefill.BIRTHDATE, who.birthDate());
        put(facts, Prefill.ADDRESS, who.address());
        put(facts, Prefill.EMAIL, who.email());
        if (who.sex() != null) {
            put(facts, Prefill.SEX, who.sex().startsWith("男") ? "male" : who.sex().startsWith("女") ? "female" : null);
        }
        List<String> codes = procedures.stream().flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        Draft draft;
        try {
            draft = tx(() -> applications.createDraft(who.provider(), who.subject(), codes, facts));
        } catch (CaseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/apply/drafts/" + draft.id() + "/steps/0";
    }

    private static void put(Map<Prefill, Object> facts, Prefill key, Object value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private Draft ownDraft(UUID id, ResidentIdentity who) {
        return tx(() -> applications.draft(id, who.provider(), who.subject())).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "申請の下書きが見つかりません"));
    }

    private List<StepForm.StepRef> steps(Draft draft) {
        return tx(() -> StepForm.steps(draft.procedures().stream().map(applications::form).toList()));
    }

    @GetMapping("/apply/drafts/{id}/steps/{n}")
    String step(@PathVariable UUID id, @PathVariable int n, HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        if (draft.submitted()) {
            return "redirect:/mypage";
        }
        return renderStep(draft, n, draft.raw(), false, null, model);
    }

    private String renderStep(Draft draft, int n, Map<String, Map<String, Object>> raw, boolean showErrors,
            String message, Model model) {
        List<StepForm.StepRef> steps = steps(draft);
        if (n < 0 || n >= steps.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "その入力ステップはありません");
        }
        StepForm.StepRef ref = steps.get(n);
        Map<String, AttachmentInfo> files = tx(() -> applications.attachments(draft.id()));
        Map<String, Object> procRaw = raw.getOrDefault(ref.procedure(), Map.of());
        java.time.LocalDate today = applications.today();
        FormInput.Reading reading = FormInput.read(ref.form(), procRaw, today, files::containsKey,
                ref.step().fields().stream().map(FormField::id).collect(java.util.stream.Collectors.toSet()));
        List<FieldView> fields = StepForm.views(ref.step(), procRaw, reading, files, showErrors, today, ref.form());
        model.addAttribute("draft", draft);
        model.addAttribute("steps", steps);
        model.addAttribute("n", n);
        model.addAttribute("ref", ref);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", showErrors ? fields.stream().flatMap(StepFormErrors::of).toList() : List.of());
        model.addAttribute("message", message);
        model.addAttribute("eras", FormInput.DATE_ERAS);
        return "apply/step";
    }

    @PostMapping("/apply/drafts/{id}/steps/{n}")
    String saveStep(@PathVariable UUID id, @PathVariable int n, @RequestParam(defaultValue = "next") String action,
            HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        if (draft.submitted()) {
            return "redirect:/mypage";
        }
        List<StepForm.StepRef> steps = steps(draft);
        if (n < 0 || n >= steps.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "その入力ステップはありません");
        }
        StepForm.StepRef ref = steps.get(n);
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>(draft.raw());
        Map<String, Object> procRaw = StepForm.read(ref.step(), request.getParameterMap(),
                raw.getOrDefault(ref.procedure(), Map.of()));
        String uploadError = null;
        MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (FormField f : ref.step().fields()) {
                if (f.type() != FieldType.ATTACHMENT) {
                    continue;
                }
                MultipartFile file = multipart.getFile("file." + f.id());
                if (file != null && !file.isEmpty()) {
                    try {
                        byte[] bytes = file.getBytes();
                        AttachmentInfo info = tx(() -> applications.attach(draft, ref.procedure() + "." + f.id(),
                                f.accept(), file.getOriginalFilename(), bytes));
                        procRaw.put(f.id(), info.id().toString());
                    } catch (AttachmentException e) {
                        uploadError = f.label() + "：" + e.getMessage();
                    } catch (IOException e) {
                        uploadError = f.label() + "：ファイルを受け取れませんでした。もう一度選んでください";
                    }
                }
            }
        }
        if (action.startsWith("add:") || action.startsWith("remove:")) {
            groupEdit(ref, procRaw, action);
        }
        raw.put(ref.procedure(), procRaw);
        boolean forward = action.equals("next");
        int target = n;
        Map<String, AttachmentInfo> files = tx(() -> applications.attachments(draft.id()));
        FormInput.Reading reading = FormInput.read(ref.form(), procRaw, applications.today(), files::containsKey,
                ref.step().fields().stream().map(FormField::id).collect(java.util.stream.Collectors.toSet()));
        if (forward && reading.valid() && uploadError == null) {
            target = n + 1;
        } else if (action.equals("back")) {
            target = Math.max(0, n - 1);
        }
        target = skipEmptySteps(steps, raw, target, action.equals("back") ? -1 : 1, files);
        int stepToSave = target >= steps.size() ? n : target;
        tx(() -> {
            applications.saveDraft(draft, raw, stepToSave);
            return null;
        });
        if (action.equals("save")) {
            return "redirect:/mypage?saved=" + draft.id();
        }
        if (forward && target == n) {
            Draft now = ownDraft(id, who);
            return renderStep(now, n, raw, true, uploadError, model);
        }
        if (target >= steps.size()) {
            return "redirect:/apply/drafts/" + id + "/confirm";
        }
        if (uploadError != null) {
            return renderStep(ownDraft(id, who), n, raw, false, uploadError, model);
        }
        return "redirect:/apply/drafts/" + id + "/steps/" + target + (action.startsWith("add:") || action.startsWith("remove:")
                || action.equals("refresh") ? "#" + action.replace(':', '-') : "");
    }

    /**
     * The first step from {@code target} (moving by {@code direction}) that asks something: a step whose fields are
     * all hidden by earlier answers is skipped.
     */
    private int skipEmptySteps(List<StepForm.StepRef> steps, Map<String, Map<String, Object>> raw, int target,
            int direction, Map<String, AttachmentInfo> files) {
        int t = target;
        while (t >= 0 && t < steps.size()) {
            StepForm.StepRef ref = steps.get(t);
            Map<String, Object> values = FormInput.read(ref.form(), raw.getOrDefault(ref.procedure(), Map.of()),
                    applications.today(), files::containsKey, java.util.Set.of()).values();
            if (ref.step().fields().stream().anyMatch(f -> FormInput.visible(f, values, applications.today()))) {
                return t;
            }
            t += direction;
        }
        return Math.max(0, t);
    }

    @SuppressWarnings("unchecked")
    private static void groupEdit(StepForm.StepRef ref, Map<String, Object> procRaw, String action) {
        String[] parts = action.split(":");
        FormField group = ref.step().fields().stream().filter(f -> f.id().equals(parts[1]) && f.isGroup()).findFirst()
                .orElse(null);
        if (group == null) {
            return;
        }
        List<Object> items = new ArrayList<>(procRaw.get(group.id()) instanceof List<?> l ? (List<Object>) l : List.of());
        if (parts[0].equals("add") && (group.max() == null || items.size() < group.max())) {
            items.add(new LinkedHashMap<>());
        } else if (parts[0].equals("remove") && parts.length == 3) {
            try {
                int index = Integer.parseInt(parts[2]);
                if (index >= 0 && index < items.size()) {
                    items.remove(index);
                }
            } catch (NumberFormatException ignored) {
                // a hand-made request: nothing to remove
            }
        }
        procRaw.put(group.id(), items);
    }

    // ----------------------------------------------------------------------------------------- confirm & submit

    /** A procedure's answers for the confirmation page. */
    public record Answer(String label, String value, int step) {
    }

    @GetMapping("/apply/drafts/{id}/confirm")
    String confirm(@PathVariable UUID id, HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        if (draft.submitted()) {
            return "redirect:/mypage";
        }
        return renderConfirm(draft, who, null, List.of(), model);
    }

    private String renderConfirm(Draft draft, ResidentIdentity who, String error, List<FormInput.FieldError> errors,
            Model model) {
        List<StepForm.StepRef> steps = steps(draft);
        ApplicationService.Prepared prepared = tx(() -> applications.prepare(draft, applicant(who)));
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        for (String code : draft.procedures()) {
            FormInput.Reading reading = prepared.readings().get(code);
            List<Answer> list = new ArrayList<>();
            String title = null;
            for (StepForm.StepRef ref : steps) {
                if (!ref.procedure().equals(code)) {
                    continue;
                }
                title = ref.form().title();
                for (FormField f : ref.step().fields()) {
                    if (reading.values().containsKey(f.id())) {
                        jp.madoguchi.application.AnswerLines.of(f, reading.values().get(f.id()),
                                        id -> fileLabel(prepared.attachments(), id))
                                .forEach(l -> list.add(new Answer(l.label(), l.value(), steps.indexOf(ref))));
                    }
                }
            }
            answers.put(title, list);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors.isEmpty() ? prepared.errors() : errors);
        model.addAttribute("error", error);
        model.addAttribute("contentSha256", prepared.contentSha256());
        model.addAttribute("signatureRequired", prepared.signatureRequired());
        model.addAttribute("demoSigning", demoCard.getIfAvailable() != null && who.demo());
        model.addAttribute("lastStep", steps.size() - 1);
        return "apply/confirm";
    }

    static String fileLabel(Map<String, AttachmentInfo> files, String id) {
        AttachmentInfo a = files.get(id);
        return a == null ? "添付あり" : a.originalName() + "（" + a.sizeLabel() + "）";
    }

    private static Applicant applicant(ResidentIdentity who) {
        return new Applicant(who.provider(), who.subject(), who.name(), who.nameKana(), who.birthDate(), who.sex(),
                who.address());
    }

    @GetMapping("/apply/drafts/{id}/signing-data")
    ResponseEntity<byte[]> signingData(@PathVariable UUID id, HttpServletRequest request) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        byte[] content = tx(() -> applications.prepare(draft, applicant(who))).content();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("application-" + id + ".json").build().toString())
                .body(content);
    }

    @PostMapping("/apply/drafts/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam(required = false) String sign,
            @RequestParam(required = false) String contentSha256,
            @RequestParam(required = false) MultipartFile signature, HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        byte[] uploaded;
        try {
            uploaded = signature == null || signature.isEmpty() ? null : signature.getBytes();
        } catch (IOException e) {
            return renderConfirm(draft, who, "署名ファイルを受け取れませんでした。もう一度選んでください", List.of(), model);
        }
        ApplicationService.Prepared prepared = tx(() -> applications.prepare(draft, applicant(who)));
        // Signing (demo card) and verifying are CPU work: done outside the database transaction.
        byte[] sig = null;
        SignatureVerification verification = null;
        if (prepared.signatureRequired()) {
            if ("demo".equals(sign) && who.demo() && demoCard.getIfAvailable() != null) {
                sig = demoCard.getObject().sign(who, prepared.content());
            } else {
                sig = uploaded;
            }
            SignatureVerifier v = verifier.getIfAvailable();
            if (sig != null && v == null) {
                return renderConfirm(draft, who, "電子署名を検証する仕組みが設定されていません", List.of(), model);
            }
            verification = sig == null ? null : v.verify(prepared.content(), sig);
        }
        byte[] signed = sig;
        SignatureVerification verified = verification;
        String email = prepared.formEmail() != null ? prepared.formEmail() : who.email();
        try {
            Submitted done = tx(() -> applications.submit(prepared, contentSha256, email, Channel.ONLINE, signed,
                    verified));
            return "redirect:/mypage/applications/" + done.receiptNumber() + (done.repeated() ? "" : "?submitted");
        } catch (SubmissionException e) {
            return renderConfirm(ownDraft(id, who), who, e.getMessage(), e.fieldErrors(), model);
        }
    }

    @GetMapping("/apply/drafts/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachment, HttpServletRequest request) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        AttachmentInfo info = tx(() -> applications.attachment(attachment)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "添付ファイルが見つかりません"));
        byte[] content = tx(() -> applications.attachmentContent(attachment, draft.id())).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "添付ファイルが見つかりません"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(info.originalName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @PostMapping("/apply/drafts/{id}/delete")
    String deleteDraft(@PathVariable UUID id, HttpServletRequest request) {
        ResidentIdentity who = requireResident(request);
        Draft draft = ownDraft(id, who);
        tx(() -> {
            applications.deleteDraft(draft);
            return null;
        });
        return "redirect:/mypage";
    }

    // ---------------------------------------------------------------------------------------------------- mypage

    @GetMapping("/mypage")
    String mypage(HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        model.addAttribute("drafts", tx(() -> applications.openDrafts(who.provider(), who.subject())));
        model.addAttribute("applications", tx(() -> applications.applicationsOf(who.provider(), who.subject())));
        model.addAttribute("procedureNames", tx(() -> {
            Map<String, String> names = new LinkedHashMap<>();
            applications.catalog().procedures().values().forEach(p -> names.put(p.code(), p.name()));
            return names;
        }));
        return "apply/mypage";
    }

    @GetMapping("/mypage/applications/{receipt}")
    String status(@PathVariable String receipt, HttpServletRequest request, Model model) {
        ResidentIdentity who = requireResident(request);
        var app = tx(() -> applications.applicationOf(receipt, who.provider(), who.subject())).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "受付番号「" + receipt + "」の申請は見つかりません"));
        model.addAttribute("app", app);
        model.addAttribute("events", tx(() -> {
            Map<Long, Object> events = new LinkedHashMap<>();
            app.cases().forEach(c -> events.put(c.id(), applications.events(c.id(), true)));
            return events;
        }));
        return "apply/status";
    }

    @PostMapping("/mypage/applications/{receipt}/cases/{caseId}")
    String residentAction(@PathVariable String receipt, @PathVariable long caseId, @RequestParam String action,
            @RequestParam int version, @RequestParam(required = false) String comment,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
            Model model) throws java.io.IOException {
        ResidentIdentity who = requireResident(request);
        var app = tx(() -> applications.applicationOf(receipt, who.provider(), who.subject())).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "申請が見つかりません"));
        if (app.cases().stream().noneMatch(c -> c.id() == caseId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "申請が見つかりません");
        }
        CaseAction a = action.equals("answer") ? CaseAction.ANSWER_CORRECTION
                : action.equals("withdraw") ? CaseAction.WITHDRAW : null;
        if (a == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "その操作はできません");
        }
        List<ApplicationService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new ApplicationService.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            if (a == CaseAction.ANSWER_CORRECTION) {
                tx(() -> applications.answerCorrection(caseId, version, comment, uploads));
            } else {
                tx(() -> applications.act(caseId, version, a,
                        new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null), Channel.ONLINE, comment));
            }
        } catch (CaseException | AttachmentException e) {
            model.addAttribute("actionError", e.getMessage());
            model.addAttribute("actionCase", caseId);
            return status(receipt, request, model);
        }
        return "redirect:/mypage/applications/" + receipt;
    }
}
