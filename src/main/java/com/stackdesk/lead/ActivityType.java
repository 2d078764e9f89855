package com.stackdesk.lead;

/** What a timeline entry records. */
public enum ActivityType {
    SUBMITTED,
    ROUTED,
    ASSIGNED,
    STATUS_CHANGED,
    NOTE,
    CONTACT_LOGGED,
    EMAIL,
    LINKED,
    CHANGED,
    CALL,
    DEADLINE,
    FOLLOW_UP
}
