package com.stackdesk.lead;

import org.jspecify.annotations.Nullable;

/**
 * What the stack assistant concluded for a lead, in the words the rep reads on the lead page, in
 * the export and in the visitor's confirmation. Each part is null when the visitor skipped that
 * path.
 *
 * @param answers the visitor's answers, e.g. "Team knows: Go · Workload: many concurrent connections"
 * @param recommendation e.g. "Go over Node.js — many concurrent connections, team knows Go"
 * @param quote e.g. "40–60k EUR, 3–4 months"
 */
public record AssistantSummary(
        @Nullable String answers,
        @Nullable String recommendation,
        @Nullable String quote) {

    public AssistantSummary {
        answers = clip(answers, LeadLimits.ASSISTANT_ANSWERS);
        recommendation = clip(recommendation, LeadLimits.ASSISTANT_RECOMMENDATION);
        quote = clip(quote, LeadLimits.ASSISTANT_QUOTE);
    }

    /** The one line the lead page shows: "recommended Go over Node.js — …; quote 40–60k EUR, 3–4 months". */
    public String line() {
        var parts = new StringBuilder();
        if (recommendation != null) {
            parts.append("recommended ").append(recommendation);
        }
        if (quote != null) {
            parts.append(parts.isEmpty() ? "" : "; ").append("quote ").append(quote);
        }
        return parts.isEmpty() ? "answers only" : parts.toString();
    }

    public boolean isEmpty() {
        return answers == null && recommendation == null && quote == null;
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var v = value.strip();
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
