package jp.madoguchi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.identity.ResidentSession;
import jp.madoguchi.platform.ServedMunicipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 住民のログイン — the resident sign-in pages: the list of sign-in methods, the redirect to the OpenID Connect
 * provider and its callback, the demo sign-in (demo mode only) and the sign-out.
 */
@Controller
class ResidentSignInController {

    static final String SIGN_IN_PATH = "/mypage/signin";
    static final String CALLBACK_PATH = "/mypage/signin/oidc/callback";
    private static final Logger log = LoggerFactory.getLogger(ResidentSignInController.class);

    private final OidcProvider oidc;
    private final ObjectProvider<DemoPersonas> demoPersonas;
    private final boolean demoSignInEnabled;
    private final ResidentSessionStore store;
    private final SignInAudit audit;
    private final ServedMunicipality served;

    ResidentSignInController(OidcProvider oidc, ObjectProvider<DemoPersonas> demoPersonas,
            @Value("${madoguchi.identity.demo-sign-in.enabled:true}") boolean demoSignInEnabled,
            ResidentSessionStore store, SignInAudit audit, ServedMunicipality served) {
        this.oidc = oidc;
        this.demoPersonas = demoPersonas;
        this.demoSignInEnabled = demoSignInEnabled;
        this.store = store;
        this.audit = audit;
        this.served = served;
    }

    @GetMapping(SIGN_IN_PATH)
    String signIn(@RequestParam(required = false) String next, @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut, HttpServletRequest request, Model model) {
        model.addAttribute("municipalityName", served.displayName());
        model.addAttribute("next", local(next));
        model.addAttribute("error", error == null ? null
                : SignInProblem.ofCode(error).map(SignInProblem::message).orElse("ログインできませんでした。"));
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("current", store.current(request).orElse(null));
        model.addAttribute("oidcName", oidc.current().map(OidcRelyingParty::displayName).orElse(null));
        model.addAttribute("personas", demo().map(DemoPersonas::personas).orElse(List.of()));
        return "identity/sign-in";
    }

    @GetMapping("/mypage/signin/oidc")
    String startOidc(@RequestParam(required = false) String next, HttpServletRequest request) {
        Optional<OidcRelyingParty> relyingParty = oidc.current();
        if (relyingParty.isEmpty()) {
            return failed(SignInProblem.NOT_AVAILABLE, next);
        }
        try {
            OidcRelyingParty.Start start = relyingParty.get().begin(local(next));
            PendingAuthorizations.add(request, start.pending());
            return "redirect:" + start.redirect();
        } catch (OidcSignInException e) {
            log.warn("Resident sign-in could not start: {}", e.getMessage());
            audit.refused("oidc", e.problem(), "/mypage/signin/oidc");
            return failed(e.problem(), next);
        }
    }

    @GetMapping(CALLBACK_PATH)
    String oidcCallback(HttpServletRequest request) {
        Optional<OidcRelyingParty> relyingParty = oidc.current();
        if (relyingParty.isEmpty()) {
            return failed(SignInProblem.NOT_AVAILABLE, null);
        }
        List<PendingAuthorization> pending = PendingAuthorizations.list(request);
        try {
            OidcRelyingParty.Completed completed = relyingParty.get().complete(request.getQueryString(), pending);
            PendingAuthorizations.remove(request, completed.pending().state());
            store.signIn(request, completed.identity());
            audit.signedIn(completed.identity(), CALLBACK_PATH);
            return "redirect:" + target(completed.pending().next());
        } catch (OidcSignInException e) {
            log.warn("Resident sign-in refused: {}", e.getMessage());
            String state = request.getParameter("state");
            Optional<PendingAuthorization> started = pending.stream().filter(p -> p.state().equals(state)).findFirst();
            started.ifPresent(p -> PendingAuthorizations.remove(request, p.state()));
            audit.refused("oidc", e.problem(), CALLBACK_PATH);
            return failed(e.problem(), started.map(PendingAuthorization::next).orElse(null));
        }
    }

    @PostMapping("/mypage/signin/demo")
    String demoSignIn(@RequestParam(required = false) String subject, @RequestParam(required = false) String next,
            HttpServletRequest request) {
        Optional<DemoPersonas> personas = demo();
        if (personas.isEmpty()) {
            return failed(SignInProblem.NOT_AVAILABLE, next);
        }
        Optional<ResidentIdentity> identity = personas.get().identity(subject);
        if (identity.isEmpty()) {
            audit.refused("demo", SignInProblem.DEMO_UNKNOWN, "/mypage/signin/demo");
            return failed(SignInProblem.DEMO_UNKNOWN, next);
        }
        store.signIn(request, identity.get());
        audit.signedIn(identity.get(), "/mypage/signin/demo");
        return "redirect:" + target(local(next));
    }

    @PostMapping("/mypage/signout")
    String signOut(HttpServletRequest request) {
        Optional<ResidentIdentity> identity = store.current(request);
        store.clear(request);
        identity.ifPresent(i -> audit.signedOut(i, "/mypage/signout"));
        return "redirect:" + SIGN_IN_PATH + "?signedOut";
    }

    private Optional<DemoPersonas> demo() {
        return demoSignInEnabled ? Optional.ofNullable(demoPersonas.getIfAvailable()) : Optional.empty();
    }

    private static String failed(SignInProblem problem, String next) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(SIGN_IN_PATH).queryParam("error", problem.code());
        String local = local(next);
        if (local != null) {
            url.queryParam("next", local);
        }
        return "redirect:" + url.encode().build().toUriString();
    }

    private static String local(String next) {
        return ResidentSession.isLocalPath(next) ? next : null;
    }

    /**
     * Where to go after sign-in, safe for a Location header: characters outside printable ASCII (and braces, which
     * a redirect view would take for URI variables) percent-encoded, existing escapes kept.
     */
    static String target(String next) {
        if (next == null) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : next.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '{' && c != '}' && c != '"' && c != '<' && c != '>') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
