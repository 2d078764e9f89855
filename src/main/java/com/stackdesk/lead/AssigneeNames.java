package com.stackdesk.lead;

/**
 * What the lead module asks about staff: a name for the timeline ("Assigned to Ana Souza") and
 * whether someone may hold leads. Implemented by the staff module, so the lead module need not
 * know staff accounts.
 */
public interface AssigneeNames {

    String nameOf(long staffId);

    /** Whether the staff member exists, is active and may own leads (the same rule routing uses). */
    boolean mayOwnLeads(long staffId);
}
