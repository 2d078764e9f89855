package com.stackdesk.booking;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the visitor and the rep of their call a day before it, by a sweep every minute; the
 * exactly-once mark is in the database ({@link CallBooking#sendDueReminders}).
 */
@Component
class CallReminders {

    private static final Logger log = LoggerFactory.getLogger(CallReminders.class);
    static final int BATCH = 100;

    private final CallBooking booking;
    private final Clock clock;

    CallReminders(CallBooking booking, Clock clock) {
        this.booking = booking;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stackdesk.booking.reminder-sweep:60s}", initialDelayString = "20s")
    void sweep() {
        try {
            int sent;
            do {
                sent = booking.sendDueReminders(clock.instant(), BATCH);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("Sending call reminders failed; the next sweep retries: {}", e.toString());
        }
    }
}
