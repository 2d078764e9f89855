package com.stackdesk.sla;

import com.stackdesk.lead.LeadDeadlines;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code stackdesk.sla.sweep-interval}: picks up response-time settings saved on another
 * instance, then takes every deadline step that is due (reminders, alerts), earliest first, each in
 * its own transaction ({@link DeadlineSteps}). Finding them is one range of ix_lead_deadline_step,
 * which holds only leads with a step pending. Steps missed while the app was down are taken on the
 * first run, one interval after the start.
 */
@Component
class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    static final int BATCH = 100;

    private final LeadDeadlines deadlines;
    private final DeadlineSteps steps;
    private final ResponseSettings settings;
    private final Clock clock;

    DeadlineSweep(LeadDeadlines deadlines, DeadlineSteps steps, ResponseSettings settings, Clock clock) {
        this.deadlines = deadlines;
        this.steps = steps;
        this.settings = settings;
        this.clock = clock;
    }

    // the first sweep one interval after the start, as every other: a test or benchmark that sets a long
    // interval gets no sweep at all
    @Scheduled(
            fixedDelayString = "${stackdesk.sla.sweep-interval:1m}",
            initialDelayString = "${stackdesk.sla.sweep-interval:1m}")
    void sweep() {
        try {
            settings.reload();
            run();
        } catch (RuntimeException e) {
            log.warn("Deadline sweep failed; the next run retries: {}", e.toString());
        }
    }

    /** Takes every step due now; returns how many were taken here (others may take some meanwhile). */
    int run() {
        int taken = 0;
        while (true) {
            var due = deadlines.due(clock.instant(), BATCH);
            int before = taken;
            for (var step : due) {
                try {
                    if (steps.take(step.leadId(), step.step())) {
                        taken++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Deadline step {} failed; the next run retries: {}", step.step(), e.toString());
                }
            }
            // a reminder taken may have made its alert due at once (the app was down through the
            // deadline), and a full batch may have more behind it: look again until nothing moves
            if (due.isEmpty() || taken == before) {
                return taken;
            }
        }
    }
}
