package com.stackdesk.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings ({@code stackdesk.intake.*}), documented in {@code config/application.properties}.
 *
 * @param minFillTime a form submitted faster than this after it was shown is treated as a bot
 * @param duplicateWindow the same content submitted again within this window yields the first lead
 * @param rateLimit submissions allowed per client address
 * @param consentText the consent the visitor agrees to, shown next to the checkbox
 * @param consentVersion stored with each lead; change it whenever the consent text changes
 * @param responsePromise how fast the team answers, as shown to visitors
 * @param concurrentStores how many transactions store submissions at once; under a burst each stores
 *     all submissions waiting at its turn (see {@link StoreBatches})
 * @param privacyPolicyUrl the consultancy's privacy policy, linked from the consent text; empty
 *     for no link
 */
@ConfigurationProperties("stackdesk.intake")
public record IntakeProperties(
        @DefaultValue("3s") Duration minFillTime,
        @DefaultValue("5m") Duration duplicateWindow,
        @DefaultValue RateLimit rateLimit,

        @DefaultValue("I agree that the team may contact me about this request and store my details for that purpose.")
        String consentText,

        @DefaultValue("2026-11-v1") String consentVersion,
        @DefaultValue("within one business day") String responsePromise,
        @DefaultValue("") String privacyPolicyUrl,
        @DefaultValue("4") int concurrentStores,
        @DefaultValue("32") int storeBatch) {

    /** At most {@code submissions} per client address in each {@code window}. */
    public record RateLimit(
            @DefaultValue("5") int submissions,
            @DefaultValue("10m") Duration window) {}
}
