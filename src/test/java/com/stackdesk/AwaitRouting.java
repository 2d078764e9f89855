package com.stackdesk;

import static org.awaitility.Awaitility.await;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.internal.Leads;
import java.time.Duration;

/** Routing runs just after a lead's transaction commits, on a worker: tests wait for it to be done. */
public final class AwaitRouting {

    private AwaitRouting() {}

    /** The lead once routing has decided about it. */
    public static Lead routed(Leads leads, long leadId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> leads.findById(leadId).orElseThrow(), lead -> !lead.isRoutingPending());
    }

    /** Waits until no stored lead waits for routing. */
    public static void nothingWaiting(Leads leads) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> leads.findAll().stream().noneMatch(Lead::isRoutingPending));
    }
}
