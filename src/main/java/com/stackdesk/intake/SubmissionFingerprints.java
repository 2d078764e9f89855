package com.stackdesk.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises submissions of the same content across threads and app instances: each content
 * fingerprint has a row in {@code intake_fingerprint} that a submission locks before it looks for
 * a duplicate and stores the lead. A double click then yields one lead, whichever instance each
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
     * Makes sure the fingerprint's row exists, committed on its own: a row inserted inside the
     * storing transaction would not be there for a concurrent submission to wait on.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void register(String fingerprint) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // refreshed, so the clean-up cannot delete it between now and the lock
        if (jdbc.sql("UPDATE intake_fingerprint SET seen_at = ? WHERE fingerprint = ?")
                        .params(now, fingerprint)
                        .update()
                == 1) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO intake_fingerprint (fingerprint, seen_at) SELECT ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM intake_fingerprint WHERE fingerprint = ?)")
                    .params(fingerprint, now, fingerprint)
                    .update();
        } catch (DuplicateKeyException concurrentSameContent) {
            // the other submission created it: it is there to lock
        }
    }

    /** Locks the fingerprint's row (see {@link #register}) until the surrounding transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String fingerprint) {
        jdbc.sql("SELECT fingerprint FROM intake_fingerprint WHERE fingerprint = ? FOR UPDATE")
                .param(fingerprint)
                .query(String.class)
                .optional();
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
