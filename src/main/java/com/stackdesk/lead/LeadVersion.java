package com.stackdesk.lead;

/** A lead as the caller last read it: its id and the version a change is checked against. */
public record LeadVersion(long id, long version) {

    public static LeadVersion of(LeadRow row) {
        return new LeadVersion(row.id(), row.version());
    }
}
