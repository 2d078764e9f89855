package com.stackdesk.base;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for services that check ownership and record who did what. */
@Component
public class CurrentUser {

    private final TeamZone teamZone;

    public CurrentUser(TeamZone teamZone) {
        this.teamZone = teamZone;
    }

    /** The zone the signed-in member reads times in: their own, else the team's (UTC for nobody signed in). */
    public ZoneId zone() {
        return teamZone.or(find().map(StaffPrincipal::timeZone).orElse(null));
    }

    /** This session reads times in {@code zone} from now on (null: the team's), after the member changed it. */
    public void renewZone(@Nullable String zone) {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
            var renewed = p.withTimeZone(zone);
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
        }
    }

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
                    p.staffId(),
                    p.username(),
                    p.fullName(),
                    null,
                    p.roles(),
                    p.isEnabled(),
                    sessionEpoch,
                    p.timeZone());
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
        }
    }

    /** The username to record as the actor, or null for the system (listeners, imports). */
    public @Nullable String actorName() {
        return find().map(StaffPrincipal::username).orElse(null);
    }
}
