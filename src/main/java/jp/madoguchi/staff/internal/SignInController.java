package jp.madoguchi.staff.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** サインイン画面 — the office's sign-in page. */
@Controller
class SignInController {

    @GetMapping("/office/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String expired, HttpSession session, Model model) {
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof AuthenticationException exception) {
            model.addAttribute("error", exception.getMessage());
            model.addAttribute("municipalityCode", session.getAttribute(SecurityConfiguration.LAST_MUNICIPALITY_CODE));
            model.addAttribute("loginId", session.getAttribute(SecurityConfiguration.LAST_LOGIN_ID));
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        if (signedOut != null) {
            model.addAttribute("notice", "サインアウトしました。");
        }
        if (expired != null) {
            model.addAttribute("notice", "一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。");
        }
        return "office/sign-in";
    }
}
