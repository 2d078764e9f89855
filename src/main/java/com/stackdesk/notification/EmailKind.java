package com.stackdesk.notification;

/**
 * What an email is for; each kind has its templates ({@link #template()}.html / .txt) and its lines
 * in {@code messages.properties} under {@link #key()} (the subject, and for calls the sentences).
 */
public enum EmailKind {
    VISITOR_CONFIRMATION("Visitor confirmation", "visitor-confirmation"),
    REP_ALERT("Owner alert", "rep-alert"),
    MANAGER_ALERT("Manager alert", "manager-alert"),
    CALL_INVITATION("Call invitation", "call-invitation"),
    CALL_UPDATE("Call rescheduled", "call-update"),
    CALL_CANCELLATION("Call cancelled", "call-cancellation"),
    CALL_REMINDER("Call reminder", "call-reminder"),
    DEADLINE_REMINDER("Response reminder", "deadline-reminder"),
    DEADLINE_OVERDUE("Response overdue", "deadline-overdue");

    private final String label;
    private final String template;

    EmailKind(String label, String template) {
        this.label = label;
        this.template = template;
    }

    public String label() {
        return label;
    }

    /** Whether the email is about a booked call ({@link CallMail}), rendered when it is queued. */
    public boolean isAboutACall() {
        return name().startsWith("CALL_");
    }

    /** The template's file name without .html/.txt: the four call emails share "call". */
    public String template() {
        return isAboutACall() ? "call" : template;
    }

    /** The kind's prefix in {@code messages.properties}: "call-invitation.subject". */
    public String key() {
        return template;
    }
}
