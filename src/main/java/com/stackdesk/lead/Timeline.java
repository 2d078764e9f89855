package com.stackdesk.lead;

/** When a visitor wants a planned project delivered. */
public enum Timeline {
    ASAP("As soon as possible"),
    WITHIN_3_MONTHS("Within 3 months"),
    WITHIN_6_MONTHS("Within 6 months"),
    LATER("Later than 6 months"),
    FLEXIBLE("Flexible");

    private final String label;

    Timeline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
