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

    /** The longest label: the column's size. */
    static final int MAX_LABEL = 200;

    /** Generic top-level domains dropped from a host-like source: "google.com" is "google". */
    private static final java.util.Set<String> GENERIC_DOMAINS = java.util.Set.of("com", "net", "org", "io");

    /**
     * A short label for lists and charts, normalized ({@link #normalize}): the UTM source, else the
     * referrer's host, else "direct". The raw values stay in the other fields.
     */
    public String label() {
        if (utmSource != null && !utmSource.isBlank()) {
            return normalize(utmSource);
        }
        if (referrer != null) {
            try {
                var host = java.net.URI.create(referrer.strip()).getHost();
                if (host != null) {
                    return normalize(host);
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: fall through to "direct"
            }
        }
        return "direct";
    }

    /**
     * One source, however it was written: lower case, without a scheme, path or "www.", and a host
     * of one name under a generic domain without it ("https://www.Google.com/search" and "google"
     * are both "google"; "news.ycombinator.com" and "google.de" stay as they are). Blank is "direct".
     */
    public static String normalize(String source) {
        var value = source.strip().toLowerCase(java.util.Locale.ROOT);
        int scheme = value.indexOf("://");
        if (scheme >= 0) {
            value = value.substring(scheme + 3);
        }
        int path = indexOfAny(value, "/?#");
        if (path >= 0 && value.indexOf(' ') < 0) {
            value = value.substring(0, path);
        }
        if (value.startsWith("www.")) {
            value = value.substring(4);
        }
        while (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        int dot = value.lastIndexOf('.');
        if (dot > 0
                && value.indexOf('.') == dot
                && value.indexOf(' ') < 0
                && GENERIC_DOMAINS.contains(value.substring(dot + 1))) {
            value = value.substring(0, dot);
        }
        if (value.isBlank()) {
            return "direct";
        }
        return value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL) : value;
    }

    private static int indexOfAny(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
