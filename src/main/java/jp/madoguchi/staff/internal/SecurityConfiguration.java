package jp.madoguchi.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import jp.madoguchi.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security of the platform: the office ({@code /office/**}) and the staff API ({@code /api/**}) need a signed-in
 * staff member; the portal, health probes and the OpenAPI description are public. Passwords are Argon2id hashes;
 * CSRF protection is on for every form; the Content-Security-Policy allows no inline script or style.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Session attributes that keep what the visitor typed after a failed sign-in (never the password). */
    static final String LAST_MUNICIPALITY_CODE = "madoguchi.signIn.municipalityCode";
    static final String LAST_LOGIN_ID = "madoguchi.signIn.loginId";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /**
     * A request with an expired session: office pages go to the sign-in page. Portal pages start a new session and
     * show the page again — a GET is repeated, a form post goes back to the page that held the form (its token
     * belonged to the old session) — so an old cookie never sends a resident to the staff sign-in.
     */
    static void invalidSession(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        // A new session first, as Spring's own strategy does: the next request carries a valid one (no loop).
        request.getSession(true);
        if (path.startsWith("/office")) {
            response.sendRedirect(context + "/office/sign-in?expired");
            return;
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", sameSiteReferer(request).orElse(context + "/"));
    }

    /** The path of the Referer when it is a page of this site, for going back to a form. */
    static java.util.Optional<String> sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return java.util.Optional.empty();
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String target = uri.getRawPath();
            return sameHost && target != null && target.startsWith("/") && !target.startsWith("//")
                    ? java.util.Optional.of(target) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http)
            throws Exception {
        AuthenticationDetailsSource<HttpServletRequest, StaffAuthenticationProvider.Details> details =
                StaffAuthenticationProvider.Details::new;
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/office/sign-in", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/office/staff/**").hasRole(StaffRole.ADMIN.name())
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers("/office/**", "/api/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/office/sign-in")
                        .loginProcessingUrl("/office/sign-in")
                        .usernameParameter("loginId")
                        .passwordParameter("password")
                        .authenticationDetailsSource(details)
                        .defaultSuccessUrl("/office", false)
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/office/sign-out")
                        .logoutSuccessUrl("/office/sign-in?signedOut"))
                // The public JSON API and the guide's pages change nothing on the server (the guide computes from
                // the answers in the form), so they need no CSRF token and no session.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/public/**", "/guide/**"))
                .sessionManagement(session -> session
                        .invalidSessionStrategy(SecurityConfiguration::invalidSession))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(
                                new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                                        "/office/sign-in"),
                                request -> request.getRequestURI().startsWith(request.getContextPath() + "/office"))
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> response.sendError(401),
                                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .addFilterAfter(new TenantFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> remember(request, exception, response);
    }

    private static void remember(HttpServletRequest request, AuthenticationException exception,
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        var session = request.getSession();
        session.setAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION, exception);
        session.setAttribute(LAST_MUNICIPALITY_CODE, request.getParameter("municipalityCode"));
        session.setAttribute(LAST_LOGIN_ID, request.getParameter("loginId"));
        response.sendRedirect(request.getContextPath() + "/office/sign-in?error");
    }
}
