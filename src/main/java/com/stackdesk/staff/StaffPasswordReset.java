package com.stackdesk.staff;

/** An admin set a new password for a staff member: their API tokens and sign-in counts are cleared. */
public record StaffPasswordReset(long staffId, String username) {}
