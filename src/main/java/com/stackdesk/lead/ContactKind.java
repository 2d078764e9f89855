package com.stackdesk.lead;

/** How a rep reached the visitor, as the lead page's composer logs it. */
public enum ContactKind {
    CALL("Call", "call"),
    EMAIL("Email", "email"),
    MEETING("Meeting", "meeting");

    private final String label;
    private final String noun;

    ContactKind(String label, String noun) {
        this.label = label;
        this.noun = noun;
    }

    /** "Call", as the timeline shows it before the rep's words. */
    public String label() {
        return label;
    }

    /** "call", as a sentence uses it ("Log call"). */
    public String noun() {
        return noun;
    }
}
