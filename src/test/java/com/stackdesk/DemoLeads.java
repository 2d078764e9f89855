package com.stackdesk;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Finds demo leads by who holds them, for tests on the demo data ({@link DemoData}). */
public final class DemoLeads {

    private DemoLeads() {}

    public static long staffId(StaffMembers staff, String username) {
        return Objects.requireNonNull(
                staff.findByUsernameIgnoreCase(username).orElseThrow().getId());
    }

    public static List<Lead> of(Leads leads, StaffMembers staff, String username, LeadStatus status) {
        long id = staffId(staff, username);
        return leads.findAll().stream()
                .filter(l -> Objects.equals(l.getAssigneeId(), id) && l.getStatus() == status)
                .sorted(Comparator.comparing(Lead::getReference))
                .toList();
    }

    /** One of {@code username}'s leads, whatever its status. */
    public static Lead anyOf(Leads leads, StaffMembers staff, String username) {
        long id = staffId(staff, username);
        return leads.findAll().stream()
                .filter(l -> Objects.equals(l.getAssigneeId(), id))
                .min(Comparator.comparing(Lead::getReference))
                .orElseThrow();
    }
}
