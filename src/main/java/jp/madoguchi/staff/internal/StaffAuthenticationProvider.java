package jp.madoguchi.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.madoguchi.staff.StaffMember;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Connects {@link StaffSignIn} to Spring Security's form sign-in. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    /** The form's details: the 団体コード typed beside the user id. */
    static final class Details extends WebAuthenticationDetails {
        private final String municipalityCode;

        Details(HttpServletRequest request) {
            super(request);
            this.municipalityCode = request.getParameter("municipalityCode");
        }

        String municipalityCode() {
            return municipalityCode;
        }
    }

    private final StaffSignIn signIn;

    StaffAuthenticationProvider(StaffSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String code = authentication.getDetails() instanceof Details details ? details.municipalityCode() : null;
        StaffSignIn.Result result = signIn.attempt(code, authentication.getName(),
                authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
        StaffMember member = result.member().orElseThrow(() -> new BadCredentialsException(result.message()));
        List<SimpleGrantedAuthority> authorities = member.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
