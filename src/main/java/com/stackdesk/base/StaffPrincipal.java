package com.stackdesk.base;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff member as Spring Security holds them: the staff id travels with the session
 * so services check ownership without a lookup. In the open base module so every module can read
 * it without depending on the staff or security modules. Roles include the lower ones: an ADMIN
 * also holds MANAGER and SALES.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 3L;

    public static final String SALES = "SALES";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    private final long staffId;
    private final String username;
    private final String fullName;
    private @Nullable String password;
    private final List<String> roles;
    private final boolean enabled;
    private final int sessionEpoch;
    private final @Nullable String timeZone;

    /**
     * @param sessionEpoch the account's session epoch at sign-in: a session whose epoch is behind the
     *     account's (deactivated, new role, new password since) is ended
     * @param timeZone the zone the member reads times in, null for the team's
     */
    public StaffPrincipal(
            long staffId,
            String username,
            String fullName,
            @Nullable String password,
            List<String> roles,
            boolean enabled,
            int sessionEpoch,
            @Nullable String timeZone) {
        this.staffId = staffId;
        this.username = username;
        this.fullName = fullName;
        this.password = password;
        this.roles = List.copyOf(roles);
        this.enabled = enabled;
        this.sessionEpoch = sessionEpoch;
        this.timeZone = timeZone;
    }

    /** The zone the member chose for reading times (a zone id), or null for the team's. */
    public @Nullable String timeZone() {
        return timeZone;
    }

    /** The same principal reading times in {@code zone}. */
    public StaffPrincipal withTimeZone(@Nullable String zone) {
        return new StaffPrincipal(staffId, username, fullName, null, roles, enabled, sessionEpoch, zone);
    }

    public long staffId() {
        return staffId;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public List<String> roles() {
        return roles;
    }

    public int sessionEpoch() {
        return sessionEpoch;
    }

    public boolean isManager() {
        return roles.contains(MANAGER);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The session keeps no password hash. */
    @Override
    public void eraseCredentials() {
        this.password = null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof StaffPrincipal that && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", " + roles + "]";
    }
}
