package com.stackdesk.lead;

/** A change the pipeline does not allow (a jump over a step, LOST without a reason); the message says why. */
public class IllegalLeadChange extends RuntimeException {

    public IllegalLeadChange(String message) {
        super(message);
    }
}
