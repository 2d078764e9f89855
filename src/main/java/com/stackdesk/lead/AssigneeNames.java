package com.stackdesk.lead;

/**
 * The name of a staff member for the timeline ("Assigned to Ana Souza"). Implemented by the staff
 * module, so the lead module need not know staff accounts.
 */
public interface AssigneeNames {

    String nameOf(long staffId);
}
