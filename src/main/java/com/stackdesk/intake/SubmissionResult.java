package com.stackdesk.intake;

import java.time.Duration;
import java.util.Map;

/** How {@link IntakeService} answered a submission. */
public sealed interface SubmissionResult {

    /**
     * The lead is stored (or was already, for a repeated submission). Suspected spam is answered
     * the same way, so a bot learns nothing.
     */
    record Accepted(String reference, boolean repeated) implements SubmissionResult {}

    /** Nothing was stored; the message for each invalid field, by property name. */
    record Invalid(Map<String, String> fieldErrors) implements SubmissionResult {}

    /** Nothing was stored: this address sent too many submissions. */
    record RateLimited(Duration retryAfter) implements SubmissionResult {}
}
