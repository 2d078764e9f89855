package com.stackdesk.lead;

/** What the visitor asked for. */
public enum LeadKind {
    CONSULTATION("Consultation"),
    DEVELOPMENT_PLAN("Development plan");

    private final String label;

    LeadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
