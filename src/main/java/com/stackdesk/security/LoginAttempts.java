package com.stackdesk.security;

import com.stackdesk.staff.StaffMembers;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per account: the fifth in a row locks it for 15 minutes, a successful
 * sign-in resets the count. Spring Security checks the lock before the password, so a locked
 * account is refused even with the right one.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final StaffMembers staff;
    private final Clock clock;

    LoginAttempts(StaffMembers staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var username = event.getAuthentication().getName().strip();
        var now = clock.instant();
        var until = now.plus(LOCK_DURATION);
        if (staff.recordFailedLogin(username, MAX_FAILURES, until) == 1) {
            staff.findByUsernameIgnoreCase(username)
                    .filter(member -> member.isLockedAt(now) && member.getFailedLogins() == 0)
                    .ifPresent(member -> log.warn(
                            "Staff account {} locked until {} after {} wrong passwords",
                            member.getUsername(),
                            member.getLockedUntil(),
                            MAX_FAILURES));
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        staff.findByUsernameIgnoreCase(event.getAuthentication().getName())
                .filter(member -> member.getFailedLogins() > 0 || member.getLockedUntil() != null)
                .ifPresent(member -> member.recordSuccessfulLogin());
    }
}
