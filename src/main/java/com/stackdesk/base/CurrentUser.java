package com.stackdesk.base;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for services that check ownership and record who did what. */
@Component
public class CurrentUser {

    /** The signed-in staff member, if the current thread has one. */
    public Optional<StaffPrincipal> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The signed-in staff member; refuses callers without one. */
    public StaffPrincipal require() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in as a staff member first."));
    }

    /**
     * Keeps the current session signed in after its account's session epoch moved on by the member's
     * own doing (a new password of their own ends their other sessions, not this one).
     */
    public void renew(int sessionEpoch) {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
            var renewed = new StaffPrincipal(
                    p.staffId(), p.username(), p.fullName(), null, p.roles(), p.isEnabled(), sessionEpoch);
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
        }
    }

    /** The username to record as the actor, or null for the system (listeners, imports). */
    public @Nullable String actorName() {
        return find().map(StaffPrincipal::username).orElse(null);
    }
}
