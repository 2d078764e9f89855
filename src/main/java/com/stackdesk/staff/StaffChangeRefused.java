package com.stackdesk.staff;

/** A staff account change that is not allowed or not valid; the message says why, for the admin. */
public class StaffChangeRefused extends RuntimeException {

    public StaffChangeRefused(String message) {
        super(message);
    }
}
