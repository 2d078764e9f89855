package com.stackdesk.staff;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every staff member does to their own account: change their password. */
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
