package com.stackdesk.notification;

/** Where an email stands in the outbox. */
public enum EmailStatus {
    /** Waiting for its next attempt. */
    PENDING("Pending"),
    /** Claimed by a dispatcher that is sending it right now. */
    SENDING("Sending"),
    SENT("Sent"),
    /** Gave up after the maximum attempts; a retry puts it back to pending. */
    FAILED("Failed");

    private final String label;

    EmailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
