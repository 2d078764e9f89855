package com.stackdesk.intake;

import java.time.Clock;
import java.time.ZoneOffset;
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
    private final IntakeProperties properties;
    private final Clock clock;

    SubmissionFingerprints(JdbcClient jdbc, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
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
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // refreshed, so the clean-up does not delete it while a submission of its content waits on it
        if (jdbc.sql("UPDATE intake_fingerprint SET seen_at = ? WHERE fingerprint = ?")
                        .params(now, fingerprint)
                        .update()
                == 1) {
            return true;
        }
        jdbc.sql("INSERT INTO intake_fingerprint (fingerprint, seen_at) VALUES (?, ?)")
                .params(fingerprint, now)
                .update();
        return false;
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
