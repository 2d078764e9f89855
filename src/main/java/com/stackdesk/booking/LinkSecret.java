package com.stackdesk.booking;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key that signs the links in booking emails: {@code stackdesk.booking.link-secret} when the
 * operator sets one, otherwise a random key generated on the first start and kept in the
 * {@code app_secret} table, so it survives restarts and every instance signs and checks alike
 * (two instances starting together both read the one that was stored first).
 */
@Component
class LinkSecret {

    static final String NAME = "booking-links";

    private final byte[] key;

    LinkSecret(JdbcTemplate jdbc, Clock clock, @Value("${stackdesk.booking.link-secret:}") String configured) {
        if (!configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("stackdesk.booking.link-secret needs at least 32 characters");
            }
            this.key = configured.getBytes(StandardCharsets.UTF_8);
            return;
        }
        this.key = Base64.getDecoder().decode(stored(jdbc, clock));
    }

    private static String stored(JdbcTemplate jdbc, Clock clock) {
        var existing = jdbc.queryForList("select secret from app_secret where name = ?", String.class, NAME);
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var fresh = Base64.getEncoder().encodeToString(bytes);
        try {
            jdbc.update(
                    "insert into app_secret (name, secret, created_at) values (?, ?, ?)",
                    NAME,
                    fresh,
                    Timestamp.from(clock.instant()));
            return fresh;
        } catch (DuplicateKeyException another) {
            // another instance stored one meanwhile: use theirs
            return jdbc.queryForObject("select secret from app_secret where name = ?", String.class, NAME);
        }
    }

    byte[] key() {
        return key.clone();
    }
}
