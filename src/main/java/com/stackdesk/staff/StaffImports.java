package com.stackdesk.staff;

import com.stackdesk.staff.internal.StaffMembers;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts loaded in bulk into an empty system (the demo data), with nobody signed in. */
@Service
public class StaffImports {

    private final StaffMembers staff;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffImports(StaffMembers staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Whether no account exists yet. */
    @Transactional(readOnly = true)
    public boolean none() {
        return staff.count() == 0;
    }

    /** Sets the zone a member reads times in and keeps call hours in (demo data; null: the team's). */
    @Transactional
    public void setTimeZone(long staffId, @org.jspecify.annotations.Nullable String zone) {
        var member = staff.findById(staffId).orElseThrow(() -> new StaffChangeRefused("No such account."));
        member.setTimeZone(OwnAccount.zoneId(zone));
    }

    /** Stores an account with this password, which must follow the {@link PasswordPolicy}. */
    @Transactional
    public StaffProfile importAccount(StaffAccount account, String password) {
        PasswordPolicy.require(password);
        var member = new StaffMember(
                account.username(),
                account.fullName(),
                account.email(),
                passwords.encode(password),
                account.role(),
                clock.instant());
        member.setSkills(account.skills());
        member.setGeneralist(account.generalist());
        member.setCapacity(account.capacity());
        member.setWeight(account.weight());
        return StaffProfile.of(staff.save(member));
    }
}
