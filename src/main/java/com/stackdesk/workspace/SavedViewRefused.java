package com.stackdesk.workspace;

/** A saved view could not be stored as asked (no name, a name already used, a filter the grid cannot read). */
public class SavedViewRefused extends RuntimeException {

    SavedViewRefused(String message) {
        super(message, null, false, false);
    }
}
