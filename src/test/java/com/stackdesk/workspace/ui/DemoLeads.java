package com.stackdesk.workspace.ui;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Finds demo leads by who holds them, for view tests on the demo data. */
final class DemoLeads {

    private DemoLeads() {}

    static long staffId(StaffMembers staff, String username) {
        return Objects.requireNonNull(
                staff.findByUsernameIgnoreCase(username).orElseThrow().getId());
    }

    static List<Lead> of(Leads leads, StaffMembers staff, String username, LeadStatus status) {
        long id = staffId(staff, username);
        return leads.findAll().stream()
                .filter(l -> Objects.equals(l.getAssigneeId(), id) && l.getStatus() == status)
                .sorted(Comparator.comparing(Lead::getReference))
                .toList();
    }
}
