package com.stackdesk.intake;

import com.stackdesk.base.InList;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises submissions of the same content across threads and app instances: each content
 * fingerprint has a row in {@code intake_fingerprint} that a submission locks, in the transaction
 * that stores the lead, before it looks for a duplicate. A double click then yields one lead, whichever instance each
 * click reached.
 */
@Component
class SubmissionFingerprints {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final IntakeProperties properties;
    private final Clock clock;

    SubmissionFingerprints(JdbcClient jdbc, JdbcTemplate batches, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Locks the fingerprint's row until the surrounding transaction ends, creating it when it is not
     * there. A {@link org.springframework.dao.DuplicateKeyException} means a concurrent submission of the same content
     * created it first (its insert waited for that one to end): run the transaction again, and it
     * waits on the row.
     *
     * @return whether the row was there: content submitted within the duplicate window (and a minute)
     *     has one, so when it was not, no lead of this content can be a recent duplicate, and the
     *     caller need not look for one
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String fingerprint) {
        return !claimAll(List.of(fingerprint)).isEmpty();
    }

    /**
     * {@link #claim} for several fingerprints at once, with a statement for each step instead of
     * each fingerprint: the rows there are locked in the order of their fingerprints and refreshed,
     * the others created. Concurrent batches lock what they share in the same order, so they never
     * wait for each other in a circle.
     *
     * @return the fingerprints whose row was there
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> claimAll(Collection<String> fingerprints) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var sorted = List.copyOf(new TreeSet<>(fingerprints));
        var in = InList.of(sorted);
        var there = jdbc.sql("SELECT fingerprint FROM intake_fingerprint WHERE fingerprint IN (" + in.placeholders()
                        + ") ORDER BY fingerprint FOR UPDATE")
                .params(in.values())
                .query(String.class)
                .set();
        if (!there.isEmpty()) {
            // refreshed, so the clean-up does not delete them while a submission of their content waits on them
            var refreshed = InList.of(List.copyOf(new TreeSet<>(there)));
            jdbc.sql("UPDATE intake_fingerprint SET seen_at = ? WHERE fingerprint IN (" + refreshed.placeholders()
                            + ")")
                    .params(Stream.concat(Stream.of(now), refreshed.values().stream())
                            .toList())
                    .update();
        }
        var created = sorted.stream().filter(f -> !there.contains(f)).toList();
        if (!created.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO intake_fingerprint (fingerprint, seen_at) VALUES (?, ?)",
                    created.stream().map(f -> new Object[] {f, now}).toList());
        }
        return there;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetOldFingerprints() {
        jdbc.sql("DELETE FROM intake_fingerprint WHERE seen_at < ?")
                .param(clock.instant()
                        .minus(properties.duplicateWindow())
                        .minusSeconds(60)
                        .atOffset(ZoneOffset.UTC))
                .update();
    }
}
