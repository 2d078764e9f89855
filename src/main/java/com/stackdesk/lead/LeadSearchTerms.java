package com.stackdesk.lead;

import java.util.Locale;

/** How names, emails and companies are normalized for the prefix search: one rule for stored values and queries. */
final class LeadSearchTerms {

    private LeadSearchTerms() {}

    static String normalize(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching values that start with {@code term}; wildcards in the term match themselves. */
    static String prefixPattern(String term) {
        var escaped = normalize(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }
}
