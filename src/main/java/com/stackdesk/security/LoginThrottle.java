package com.stackdesk.security;

import com.stackdesk.base.ClientKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits password guesses without letting anyone lock an account's owner out. Each sign-in first
 * reserves an attempt, in one atomic {@code UPDATE}, for the username as typed from the client's
 * address ({@value #MAX_PER_ACCOUNT_AND_ADDRESS} per window) and for the address alone ({@value
 * #MAX_PER_ADDRESS} per window, against one address trying many usernames); only then is the
 * password checked. A right password gives both reservations back; a wrong one keeps them. So
 * concurrent guesses cannot slip past the limit, and a flood from one address blocks only that
 * address, never the account: its owner still signs in from anywhere else, and an admin's
 * password reset clears the account's counts. The same counting applies to usernames that do not
 * exist, so a refusal says nothing about which do. IPv6 clients count per /64 network.
 */
@Component
class LoginThrottle {

    static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final String ANY_ACCOUNT = "*";

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reserves one attempt for {@code username} from {@code address}.
     *
     * @return false when this username from this address, or this address, used up its attempts
     */
    boolean tryAcquire(String username, String address) {
        var user = key(username);
        var client = ClientKey.of(address);
        if (!acquire(ANY_ACCOUNT, client, MAX_PER_ADDRESS)) {
            return false;
        }
        if (!acquire(user, client, MAX_PER_ACCOUNT_AND_ADDRESS)) {
            release(ANY_ACCOUNT, client);
            return false;
        }
        return true;
    }

    /** The password was right: the username starts afresh from this address, the address gets its attempt back. */
    void succeeded(String username, String address) {
        var client = ClientKey.of(address);
        jdbc.sql("DELETE FROM login_throttle WHERE username = ? AND client_address = ?")
                .params(key(username), client)
                .update();
        release(ANY_ACCOUNT, client);
    }

    /** Forgets every count for this username (an admin set a new password). */
    void clear(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE username = ?")
                .param(key(username))
                .update();
    }

    /** Old windows count for nothing: keep the table small even under a spray of made-up usernames. */
    @Scheduled(fixedDelay = 15, timeUnit = TimeUnit.MINUTES)
    void forgetExpiredWindows() {
        jdbc.sql("DELETE FROM login_throttle WHERE window_started_at <= ?")
                .param(at(clock.instant().minus(WINDOW)))
                .update();
    }

    private boolean acquire(String username, String client, int max) {
        var now = clock.instant();
        if (increment(username, client, max, now)) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO login_throttle (username, client_address, attempts, window_started_at)"
                            + " VALUES (?, ?, 1, ?)")
                    .params(username, client, at(now))
                    .update();
            return true;
        } catch (DuplicateKeyException exists) {
            // the row exists (perhaps inserted just now by a concurrent attempt): count against it
            return increment(username, client, max, now);
        }
    }

    /** One atomic statement: counts the attempt unless the window's attempts are used up; a stale window restarts. */
    private boolean increment(String username, String client, int max, Instant now) {
        var expired = at(now.minus(WINDOW));
        return jdbc.sql(
                                "UPDATE login_throttle SET"
                                        + " attempts = CASE WHEN window_started_at <= ? THEN 1 ELSE attempts + 1 END,"
                                        + " window_started_at = CASE WHEN window_started_at <= ? THEN ? ELSE window_started_at END"
                                        + " WHERE username = ? AND client_address = ? AND (attempts < ? OR window_started_at <= ?)")
                        .params(expired, expired, at(now), username, client, max, expired)
                        .update()
                == 1;
    }

    private void release(String username, String client) {
        jdbc.sql("UPDATE login_throttle SET attempts = attempts - 1"
                        + " WHERE username = ? AND client_address = ? AND attempts > 0")
                .params(username, client)
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String key(String username) {
        var key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
