package com.stackdesk.staff;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.internal.StaffAbsences;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to staff accounts: create, edit, deactivate, reset passwords, out-of-office
 * periods. Every change is written to the staff audit trail with who made it.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class StaffAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,50}");

    private final StaffMembers staff;
    private final StaffAbsences absences;
    private final StaffAudits audits;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffAdministration(
            StaffMembers staff,
            StaffAbsences absences,
            StaffAudits audits,
            PasswordEncoder passwords,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.staff = staff;
        this.absences = absences;
        this.audits = audits;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return staff.findWithSkillsByOrderByFullNameAsc();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public StaffMember get(long id) {
        return staff.findWithSkillsById(id).orElseThrow(() -> new StaffChangeRefused("No staff account with id " + id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public StaffMember create(StaffAccount account, String initialPassword) {
        var username = account.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new StaffChangeRefused(
                    "A username is 2 to 50 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (staff.findByUsernameIgnoreCase(username).isPresent()) {
            throw new StaffChangeRefused("The username " + username + " is taken.");
        }
        PasswordPolicy.require(initialPassword);
        validate(account);
        var member = new StaffMember(
                username,
                account.fullName().strip(),
                account.email().strip(),
                passwords.encode(initialPassword),
                account.role(),
                clock.instant());
        apply(member, account);
        member.setPasswordChangeRequired(true); // the admin knows it: the member replaces it at once
        member = staff.save(member);
        audit(member, "account", null, "created as " + account.role().label());
        return member;
    }

    /** Saves the edited fields; refused if someone else saved the account after {@code expectedVersion}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public StaffMember update(long id, long expectedVersion, StaffAccount account) {
        var member = get(id);
        if (member.getVersion() != expectedVersion) {
            throw new StaffChangeRefused(
                    "Someone else changed " + member.getFullName() + "'s account meanwhile — reload it and try again.");
        }
        validate(account);
        var before = StaffAccount.of(member);
        if (before.role() != account.role() && isSelf(member) && account.role() != Role.ADMIN) {
            throw new StaffChangeRefused("You can't take away your own admin role.");
        }
        apply(member, account);
        if (before.role() != account.role()) {
            member.endSessions(); // open sessions would keep the old role's rights
        }
        auditIfChanged(member, "full name", before.fullName(), member.getFullName());
        auditIfChanged(member, "email", before.email(), member.getEmail());
        auditIfChanged(member, "role", before.role().label(), member.getRole().label());
        auditIfChanged(member, "skills", skills(before.skills()), skills(member.getSkills()));
        auditIfChanged(member, "generalist", yesNo(before.generalist()), yesNo(member.isGeneralist()));
        auditIfChanged(member, "capacity", before.capacity() + "", member.getCapacity() + "");
        auditIfChanged(member, "weight", before.weight() + "", member.getWeight() + "");
        return staff.saveAndFlush(member);
    }

    /**
     * Sets the zone a member reads times in and keeps their call hours in (null or blank: the
     * team's); refuses what is not a zone id. The member's open sessions use it from their next sign-in.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void changeTimeZone(long id, @Nullable String zone) {
        var member = get(id);
        var chosen = OwnAccount.zoneId(zone);
        if (!Objects.equals(member.getTimeZone(), chosen)) {
            audit(member, "time zone", member.getTimeZone(), chosen);
            member.setTimeZone(chosen);
        }
    }

    /**
     * Deactivated staff can't sign in and get no leads; their history stays. Their open sessions end
     * at their next request and their API tokens stop working.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public StaffMember setActive(long id, boolean active) {
        var member = get(id);
        if (!active && isSelf(member)) {
            throw new StaffChangeRefused("You can't deactivate your own account.");
        }
        if (member.isActive() != active) {
            audit(member, "active", yesNo(member.isActive()), yesNo(active));
            member.setActive(active);
            member.endSessions();
        }
        return member;
    }

    /**
     * Sets a new password the member must change at their next sign-in; ends their open sessions,
     * revokes their API tokens and clears their wrong-password counts (see {@link StaffPasswordReset}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setPassword(long id, String newPassword) {
        PasswordPolicy.require(newPassword);
        var member = get(id);
        member.setPasswordHash(passwords.encode(newPassword));
        member.setPasswordChangeRequired(!isSelf(member));
        member.endSessions();
        audit(member, "password", null, "reset");
        events.publishEvent(new StaffPasswordReset(Objects.requireNonNull(member.getId()), member.getUsername()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public StaffAbsence addAbsence(long staffId, LocalDate startsOn, LocalDate endsOn, @Nullable String note) {
        var member = get(staffId);
        if (endsOn.isBefore(startsOn)) {
            throw new StaffChangeRefused("The last day of an out-of-office period can't be before its first day.");
        }
        var absence = absences.save(new StaffAbsence(staffId, startsOn, endsOn, blankToNull(note)));
        audit(member, "out of office", null, absence.toString());
        return absence;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeAbsence(long absenceId) {
        absences.findById(absenceId).ifPresent(absence -> {
            audit(get(absence.getStaffId()), "out of office", absence.toString(), null);
            absences.delete(absence);
        });
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffAbsence> absencesOf(long staffId) {
        return absences.findByStaffIdOrderByStartsOnAsc(staffId);
    }

    /** The latest changes to any staff account, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffAuditEntry> recentChanges(int limit) {
        return audits.findByOrderByOccurredAtDescIdDesc(PageRequest.of(0, limit));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffAuditEntry> changesOf(long staffId) {
        return audits.findByStaffIdOrderByOccurredAtDescIdDesc(staffId);
    }

    private static void apply(StaffMember member, StaffAccount account) {
        member.setFullName(account.fullName().strip());
        member.setEmail(account.email().strip());
        member.setRole(account.role());
        member.setSkills(
                account.skills().stream().filter(StackLeaning::isSpecific).collect(Collectors.toSet()));
        member.setGeneralist(account.generalist());
        member.setCapacity(account.capacity());
        member.setWeight(account.weight());
    }

    private static void validate(StaffAccount account) {
        var problems = new ArrayList<String>();
        if (account.fullName().isBlank()) {
            problems.add("a full name");
        }
        if (!account.email().contains("@")) {
            problems.add("an email address");
        }
        if (account.capacity() < 0) {
            problems.add("a capacity of 0 or more");
        }
        if (account.weight() < 1) {
            problems.add("a weight of 1 or more");
        }
        if (!problems.isEmpty()) {
            throw new StaffChangeRefused("A staff account needs " + String.join(", ", problems) + ".");
        }
    }

    private boolean isSelf(StaffMember member) {
        return currentUser
                .find()
                .map(p -> p.staffId() == Objects.requireNonNull(member.getId()))
                .orElse(false);
    }

    private void auditIfChanged(StaffMember member, String field, String oldValue, String newValue) {
        if (!oldValue.equals(newValue)) {
            audit(member, field, oldValue, newValue);
        }
    }

    private void audit(StaffMember member, String field, @Nullable String oldValue, @Nullable String newValue) {
        audits.save(new StaffAuditEntry(
                Objects.requireNonNull(member.getId()),
                clock.instant(),
                currentUser.actorName(),
                field,
                oldValue,
                newValue));
    }

    private static String skills(Collection<StackLeaning> skills) {
        return skills.isEmpty()
                ? "none"
                : skills.stream().sorted().map(StackLeaning::label).collect(Collectors.joining(", "));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
