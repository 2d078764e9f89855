package com.stackdesk.staff;

import com.stackdesk.lead.StackLeaning;
import java.util.Set;

/** What an admin edits on a staff account (the password is set separately). */
public record StaffAccount(
        String username,
        String fullName,
        String email,
        Role role,
        Set<StackLeaning> skills,
        boolean generalist,
        int capacity,
        int weight) {

    public static StaffAccount of(StaffMember member) {
        return new StaffAccount(
                member.getUsername(),
                member.getFullName(),
                member.getEmail(),
                member.getRole(),
                Set.copyOf(member.getSkills()),
                member.isGeneralist(),
                member.getCapacity(),
                member.getWeight());
    }

    public StaffAccount withCapacity(int capacity) {
        return new StaffAccount(username, fullName, email, role, skills, generalist, capacity, weight);
    }
}
