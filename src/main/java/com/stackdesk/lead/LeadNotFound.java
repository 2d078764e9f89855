package com.stackdesk.lead;

/** No lead has this reference. */
public class LeadNotFound extends RuntimeException {

    public LeadNotFound(String reference) {
        super("No lead with reference " + reference);
    }
}
