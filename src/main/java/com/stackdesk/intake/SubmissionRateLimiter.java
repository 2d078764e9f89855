package com.stackdesk.intake;

import com.stackdesk.base.ClientKey;
import com.stackdesk.base.InList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-address submission limit: at most {@code submissions} per client address (per /64 for
 * IPv6) in a window that starts with the address's first submission. Kept in the database ({@code
 * intake_allowance}) so every app instance counts the same submissions. A submission is counted
 * in the transaction that stores it (a batch's submissions from one address all at once, {@link
 * #takeAll}): a submission refused or rolled back counts nothing. Concurrent submissions
 * from one address queue on the address's row, so each is counted once.
 */
@Component
class SubmissionRateLimiter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final IntakeProperties.RateLimit limit;
    private final Clock clock;
    private final Map<String, Instant> exhaustedUntil = new ConcurrentHashMap<>();

    SubmissionRateLimiter(JdbcClient jdbc, JdbcTemplate batches, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.limit = properties.rateLimit();
        this.clock = clock;
    }

    /**
     * How long the address must wait when this instance has seen its allowance used up, without
     * taking from it or reading the database: a client over its limit costs no transaction, and
     * an allowed one no look-up. It only remembers what the database answered: the first
     * submission over the limit (or the first on this instance, when another one used the
     * allowance up) is refused by {@link #takeAll} or {@link #take(String)}, which is what counts.
     */
    Optional<Duration> waitIfExhausted(String clientAddress) {
        var address = ClientKey.of(clientAddress);
        var until = exhaustedUntil.get(address);
        if (until == null) {
            return Optional.empty();
        }
        var wait = Duration.between(clock.instant(), until);
        if (!wait.isPositive()) {
            exhaustedUntil.remove(address, until);
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(wait.toSeconds() + 1));
    }

    /**
     * Remembers that the address's allowance is used up until its window ends: at once, when the
     * refusal rests on what other transactions committed, or once the caller's transaction
     * commits, when its own takes used the allowance up (rolled back, they never did).
     */
    private void rememberExhausted(String address, Window window, boolean onceCommitted) {
        var until = window.start().plus(limit.window());
        if (!onceCommitted) {
            exhaustedUntil.put(address, until);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    exhaustedUntil.put(address, until);
                }
            });
        }
    }

    /**
     * Takes one submission from the address's allowance (an IPv6 address's /64, see {@link
     * ClientKey}) in the caller's transaction, which then holds the address's row until it ends;
     * empty when allowed, else how long to wait. A {@link DuplicateKeyException} means another
     * transaction created the address's row first: run the transaction again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Duration> take(String clientAddress) {
        var address = ClientKey.of(clientAddress);
        var grant = takeAll(Map.of(address, 1)).get(address);
        return grant.granted() == 1 ? Optional.empty() : Optional.of(grant.refusedWait());
    }

    /**
     * Takes from several addresses' allowances at once (the submissions of one batch, by address:
     * {@link ClientKey#of} keys and how many each wants), in the caller's transaction, which holds
     * the addresses' rows until it ends. The rows are locked with one statement, in the order of
     * their keys, so two such transactions never wait for each other in a circle, and written with
     * one batch of updates and one of inserts. A {@link DuplicateKeyException} means another
     * transaction created an address's row first: run the transaction again.
     *
     * @return for each address, how many were granted, and how long the others must wait
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Grant> takeAll(Map<String, Integer> wantedByAddress) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var sorted = new TreeMap<>(wantedByAddress);
        var in = InList.of(List.copyOf(sorted.keySet()));
        var windows = new HashMap<String, Window>();
        jdbc.sql("SELECT client_address, window_start, used FROM intake_allowance WHERE client_address IN ("
                        + in.placeholders() + ") ORDER BY client_address FOR UPDATE")
                .params(in.values())
                .query(rs -> {
                    windows.put(
                            rs.getString(1),
                            new Window(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3)));
                });
        var created = new ArrayList<Object[]>();
        var renewed = new ArrayList<Object[]>();
        var counted = new ArrayList<Object[]>();
        var grants = new HashMap<String, Grant>();
        sorted.forEach((address, wanted) -> {
            var current = windows.get(address);
            int granted;
            Window after;
            if (current == null || !current.start().isAfter(now.toInstant().minus(limit.window()))) {
                granted = Math.min(wanted, limit.submissions());
                after = new Window(now.toInstant(), granted);
                if (current == null) {
                    created.add(new Object[] {address, now, granted});
                } else {
                    renewed.add(new Object[] {now, granted, address});
                }
            } else {
                granted = Math.max(0, Math.min(wanted, limit.submissions() - current.used()));
                after = new Window(current.start(), current.used() + granted);
                if (granted > 0) {
                    counted.add(new Object[] {after.used(), address});
                }
            }
            if (granted < wanted) {
                // with nothing granted the refusal rests on what others committed; else on this transaction's own take
                rememberExhausted(address, after, granted > 0);
            }
            grants.put(
                    address,
                    new Grant(
                            granted,
                            granted == wanted ? Duration.ZERO : waitFor(after).orElse(Duration.ZERO)));
        });
        if (!renewed.isEmpty()) {
            batches.batchUpdate(
                    "UPDATE intake_allowance SET window_start = ?, used = ? WHERE client_address = ?", renewed);
        }
        if (!counted.isEmpty()) {
            batches.batchUpdate("UPDATE intake_allowance SET used = ? WHERE client_address = ?", counted);
        }
        if (!created.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO intake_allowance (client_address, window_start, used) VALUES (?, ?, ?)", created);
        }
        return grants;
    }

    /** What {@link #takeAll} granted an address: {@code granted} submissions; the others wait {@code refusedWait}. */
    record Grant(int granted, Duration refusedWait) {}

    private Optional<Duration> waitFor(Window window) {
        var wait = Duration.between(clock.instant(), window.start().plus(limit.window()));
        if (window.used() >= limit.submissions() && wait.isPositive()) {
            return Optional.of(Duration.ofSeconds(wait.toSeconds() + 1));
        }
        return Optional.empty();
    }

    private record Window(Instant start, int used) {}

    /** Forgets addresses whose window has ended (their next submission starts a new one anyway). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetExpiredWindows() {
        var now = clock.instant();
        exhaustedUntil.values().removeIf(until -> !until.isAfter(now));
        jdbc.sql("DELETE FROM intake_allowance WHERE window_start <= ?")
                .param(clock.instant().minus(limit.window()).atOffset(ZoneOffset.UTC))
                .update();
    }
}
