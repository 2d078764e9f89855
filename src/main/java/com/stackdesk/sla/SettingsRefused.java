package com.stackdesk.sla;

/** Response-time settings that make no sense, with a message for the person who entered them. */
public class SettingsRefused extends RuntimeException {

    public SettingsRefused(String message) {
        super(message);
    }
}
