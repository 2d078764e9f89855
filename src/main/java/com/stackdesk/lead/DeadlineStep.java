package com.stackdesk.lead;

/** The next step of a lead's first-response deadline (see {@link LeadDeadlines}). */
public enum DeadlineStep {
    /** Remind the owner before the deadline. */
    REMIND,
    /** At the deadline: alert the managers (and, if the team wants it, give the lead to someone else). */
    ALERT
}
