package com.stackdesk.base;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
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

    /** The username to record as the actor, or null for the system (listeners, imports). */
    public @Nullable String actorName() {
        return find().map(StaffPrincipal::username).orElse(null);
    }
}
