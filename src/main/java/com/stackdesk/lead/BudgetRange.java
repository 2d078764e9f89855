package com.stackdesk.lead;

/** The budget a visitor has in mind for a development plan. */
public enum BudgetRange {
    UNDER_10K("Under $10k"),
    FROM_10K_TO_50K("$10k – $50k"),
    FROM_50K_TO_150K("$50k – $150k"),
    OVER_150K("Over $150k"),
    UNDECIDED("Not decided yet");

    private final String label;

    BudgetRange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
