package com.stackdesk.intake;

import com.stackdesk.lead.LeadSource;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What we know of the visitor behind a submission, apart from what they typed.
 *
 * @param clientIp the address the request came from, for the rate limit and the record
 * @param source first-touch attribution: UTM parameters, referrer and landing page
 * @param formOpenedAt when the form was shown, for the minimum fill time
 * @param timeZone the browser's time zone id, to read a preferred contact time
 */
public record Visit(
        @Nullable String clientIp,
        LeadSource source,
        Instant formOpenedAt,
        @Nullable String timeZone) {}
