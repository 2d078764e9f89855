package com.stackdesk.staff;

import org.jspecify.annotations.Nullable;

/** What signing in checks: the password hash, the role, whether the account is active and its session epoch. */
public record StaffCredentials(
        long id,
        String username,
        String fullName,
        String passwordHash,
        Role role,
        boolean active,
        int sessionEpoch,
        @Nullable String timeZone) {}
