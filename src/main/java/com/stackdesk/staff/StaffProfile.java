package com.stackdesk.staff;

import com.stackdesk.lead.StackLeaning;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff member as other modules see them: who they are, what leads they take and the zone they
 * read times in (null: the team's). No password.
 */
public record StaffProfile(
        long id,
        String username,
        String fullName,
        String email,
        Role role,
        boolean active,
        boolean generalist,
        Set<StackLeaning> skills,
        int capacity,
        int weight,
        @Nullable String timeZone) {

    public StaffProfile {
        skills = Set.copyOf(skills);
    }

    /** The first word of the full name, for a greeting ("Hi Gus,"). */
    public String firstName() {
        var name = fullName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    static StaffProfile of(StaffMember member) {
        return new StaffProfile(
                Objects.requireNonNull(member.getId()),
                member.getUsername(),
                member.getFullName(),
                member.getEmail(),
                member.getRole(),
                member.isActive(),
                member.isGeneralist(),
                member.getSkills(),
                member.getCapacity(),
                member.getWeight(),
                member.getTimeZone());
    }
}
