package com.stackdesk.staff;

/** What a staff member may do in the workspace; each role includes the one before it. */
public enum Role {
    SALES("Sales"),
    MANAGER("Manager"),
    ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
