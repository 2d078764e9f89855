package com.stackdesk.staff;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every staff member does to their own account: change their password and the zone they read times in. */
@Service
public class OwnAccount {

    private final StaffMembers staff;
    private final StaffAudits audits;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final Clock clock;

    OwnAccount(
            StaffMembers staff, StaffAudits audits, PasswordEncoder passwords, CurrentUser currentUser, Clock clock) {
        this.staff = staff;
        this.audits = audits;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether the signed-in member must choose a new password before anything else (one-time or admin-set). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return staff.findById(currentUser.require().staffId())
                .map(StaffMember::isPasswordChangeRequired)
                .orElse(false);
    }

    /** The zone the signed-in member chose (a zone id), or null when they read times in the team's. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public @Nullable String timeZone() {
        return staff.findById(currentUser.require().staffId())
                .map(StaffMember::getTimeZone)
                .orElse(null);
    }

    /**
     * Sets the zone the signed-in member reads times in (null or blank: the team's); this session
     * uses it at once. Refuses what is not a zone id.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void changeTimeZone(@Nullable String zone) {
        var user = currentUser.require();
        var member = staff.findById(user.staffId()).orElseThrow(() -> new StaffChangeRefused("No such account."));
        var chosen = zoneId(zone);
        var before = member.getTimeZone();
        if (Objects.equals(before, chosen)) {
            return;
        }
        member.setTimeZone(chosen);
        staff.saveAndFlush(member);
        audits.save(new StaffAuditEntry(user.staffId(), clock.instant(), user.username(), "time zone", before, chosen));
        currentUser.renewZone(chosen);
    }

    /** The zone id of {@code zone} (null or blank: null, the team's); refuses what is not a zone id. */
    static @Nullable String zoneId(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new StaffChangeRefused("\"" + zone.strip() + "\" is not a time zone; pick one from the list.");
        }
    }

    /**
     * Replaces the signed-in member's password after checking the current one and the {@link
     * PasswordPolicy}. Their other sessions end; this one stays signed in.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        var user = currentUser.require();
        var member = staff.findById(user.staffId()).orElseThrow(() -> new StaffChangeRefused("No such account."));
        if (!passwords.matches(currentPassword, member.getPasswordHash())) {
            throw new StaffChangeRefused("Your current password is not right.");
        }
        PasswordPolicy.require(newPassword);
        if (passwords.matches(newPassword, member.getPasswordHash())) {
            throw new StaffChangeRefused("Choose a password other than your current one.");
        }
        member.setPasswordHash(passwords.encode(newPassword));
        member.setPasswordChangeRequired(false);
        member.endSessions();
        staff.saveAndFlush(member);
        audits.save(new StaffAuditEntry(user.staffId(), clock.instant(), user.username(), "password", null, "changed"));
        currentUser.renew(member.getSessionEpoch());
    }
}
