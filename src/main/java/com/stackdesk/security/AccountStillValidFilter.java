package com.stackdesk.security;

import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.staff.StaffLookup;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request once the account was deactivated, changed role or
 * got a new password since the session signed in (its {@code session_epoch} moved on). One primary
 * key lookup per request; it works across app instances, unlike an in-memory session registry.
 */
class AccountStillValidFilter extends OncePerRequestFilter {

    private final StaffLookup staff;
    private final SecurityContextHolderStrategy contexts;

    AccountStillValidFilter(StaffLookup staff, SecurityContextHolderStrategy contexts) {
        this.staff = staff;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            var current = staff.activeSessionEpoch(principal.staffId());
            if (current.isEmpty() || !Objects.equals(current.get(), principal.sessionEpoch())) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
