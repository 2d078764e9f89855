package com.stackdesk.staff;

import com.stackdesk.base.StartupData;
import com.stackdesk.staff.internal.StaffMembers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database without staff gets one admin, {@code admin}, so someone can sign in: the password
 * comes from the environment variable {@code STACKDESK_ADMIN_PASSWORD}, or else is generated and
 * logged once, to be changed at the first sign-in. No password is known in advance; a configured one
 * must meet the {@link PasswordPolicy}. Created before the web server answers. The demo run has its
 * own seeded staff instead. Instances started at the same moment on one new database each try to
 * create it; one does, and the others, finding its row, start without one of their own.
 */
@Component
@Profile("!demo")
@Order(0)
class FirstAdmin implements StartupData {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffMembers staff;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String configuredPassword;

    FirstAdmin(
            StaffMembers staff,
            PasswordEncoder passwords,
            Clock clock,
            TransactionTemplate transactions,
            @Value("${STACKDESK_ADMIN_PASSWORD:}") String configuredPassword) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
        this.transactions = transactions;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void load() {
        if (staff.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        if (!generated) {
            PasswordPolicy.problemWith(configuredPassword).ifPresent(problem -> {
                throw new IllegalStateException("STACKDESK_ADMIN_PASSWORD is not accepted: " + problem
                        + " Set a stronger one, or unset it to get a one-time password in the log.");
            });
        }
        var password = generated ? generatePassword() : configuredPassword;
        var admin = new StaffMember(
                USERNAME, "Administrator", "admin@localhost", passwords.encode(password), Role.ADMIN, clock.instant());
        admin.setCapacity(0);
        // a password that went through a log is known to whoever reads the log: the admin replaces it at once
        admin.setPasswordChangeRequired(generated);
        try {
            transactions.executeWithoutResult(tx -> staff.saveAndFlush(admin));
        } catch (DataIntegrityViolationException anotherInstanceFirst) {
            if (staff.count() == 0) {
                throw anotherInstanceFirst;
            }
            log.info("First start: another instance created the staff account 'admin' at the same moment");
            return;
        }
        if (generated) {
            log.warn("""

                    ==================================================================
                     First start: created the staff account 'admin' with the one-time
                     password  {}
                     Sign in at /login; you are asked to choose your own password then.
                     It is not shown again.
                    ==================================================================""", password);
        } else {
            log.info("First start: created the staff account 'admin' with the password from STACKDESK_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        var bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
