package com.stackdesk.security;

import com.stackdesk.staff.StaffPasswordReset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an admin set a new password (someone may have known the old one): the member's API tokens
 * are revoked and their wrong-password counts forgotten, in the admin's transaction.
 */
@Component
class PasswordResets {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    PasswordResets(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @EventListener
    void on(StaffPasswordReset reset) {
        tokens.revokeAllOf(reset.staffId());
        throttle.clear(reset.username());
    }
}
