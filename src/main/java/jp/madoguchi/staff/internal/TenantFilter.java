package jp.madoguchi.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.web.filter.OncePerRequestFilter;

/** Makes the signed-in staff member's municipality the tenant of the request's database work. */
class TenantFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var member = CurrentStaff.get();
        if (member.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TenantContext.set(member.get().municipalityCode());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }
}
