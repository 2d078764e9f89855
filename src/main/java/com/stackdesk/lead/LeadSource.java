package com.stackdesk.lead;

import org.jspecify.annotations.Nullable;

/** Where a visitor came from: the UTM parameters, referrer and landing page of their first page view. */
public record LeadSource(
        @Nullable String utmSource,
        @Nullable String utmMedium,
        @Nullable String utmCampaign,
        @Nullable String utmTerm,
        @Nullable String utmContent,
        @Nullable String referrer,
        @Nullable String landingPage) {

    public static final LeadSource DIRECT = new LeadSource(null, null, null, null, null, null, null);

    /** A short label for lists and charts: the UTM source, else the referrer's host, else "direct". */
    public String label() {
        if (utmSource != null) {
            return utmSource;
        }
        if (referrer != null) {
            try {
                var host = java.net.URI.create(referrer).getHost();
                if (host != null) {
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: fall through to "direct"
            }
        }
        return "direct";
    }
}
