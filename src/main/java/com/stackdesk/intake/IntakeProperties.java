package com.stackdesk.intake;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
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
 *     all submissions waiting at its turn (see {@link StoreBatches}). Unset: {@link
 *     #concurrentStoresOn one on H2, four on other databases}
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
        @Nullable Integer concurrentStores,
        @DefaultValue("32") int storeBatch) {

    /**
     * The writers for a database whose JDBC driver names it {@code databaseProduct}, unless set.
     * On H2 one: concurrent transactions there rewrite the same index pages and contend for them
     * (measured in the README's "Intake from 1,000 real addresses": one writer gave more leads/s
     * and a lower p99 than four). PostgreSQL commits concurrent transactions side by side.
     */
    int concurrentStoresOn(String databaseProduct) {
        if (concurrentStores != null) {
            return concurrentStores;
        }
        return "H2".equalsIgnoreCase(databaseProduct) ? 1 : 4;
    }

    /** At most {@code submissions} per client address in each {@code window}. */
    public record RateLimit(
            @DefaultValue("5") int submissions,
            @DefaultValue("10m") Duration window) {}
}
