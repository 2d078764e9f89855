package com.stackdesk.lead;

/** The size of the visitor's own team. */
public enum TeamSize {
    SOLO("Just me"),
    FROM_2_TO_10("2 – 10 people"),
    FROM_11_TO_50("11 – 50 people"),
    FROM_51_TO_200("51 – 200 people"),
    OVER_200("Over 200 people");

    private final String label;

    TeamSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
