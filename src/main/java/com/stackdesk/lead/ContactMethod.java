package com.stackdesk.lead;

/** How a visitor prefers to be contacted. */
public enum ContactMethod {
    EMAIL("Email"),
    PHONE("Phone call"),
    VIDEO_CALL("Video call");

    private final String label;

    ContactMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
