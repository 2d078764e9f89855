package com.stackdesk.staff;

/** Who a staff member is, without the rest of the account. */
public record StaffName(long id, String username, String fullName) {}
