package com.stackdesk.routing;

import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.NewLead;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff and leads for routing and email tests, and a clean slate between tests. */
public final class RoutingFixtures {

    private RoutingFixtures() {}

    /** Empties every table routing and email tests write, and restarts the rotation. */
    public static void clean(JdbcTemplate jdbc) {
        for (var table : new String[] {
            "outbound_email",
            "routing_turn",
            "routing_member",
            "lead_activity",
            "lead",
            "staff_absence",
            "staff_skill",
            "staff"
        }) {
            jdbc.update("delete from " + table);
        }
        jdbc.update("update routing_rotation set next_turn = 1");
    }

    public static StaffMember staff(
            StaffMembers staff,
            String username,
            String fullName,
            Role role,
            boolean generalist,
            StackLeaning... skills) {
        return TestStaff.member(username)
                .fullName(fullName)
                .email(username + "@northwind.example")
                .password("demo1234")
                .role(role)
                .generalist(generalist)
                .skills(skills)
                .save(staff);
    }

    public static NewLead lead(StackLeaning stack, String email) {
        return lead(LeadKind.DEVELOPMENT_PLAN, "Lee", "Visitor", stack, email, null, null);
    }

    public static NewLead lead(
            LeadKind kind,
            String firstName,
            String lastName,
            StackLeaning stack,
            String email,
            @Nullable Instant preferredAt,
            @Nullable String spamReason) {
        return TestLeads.lead()
                .kind(kind)
                .name(firstName, lastName)
                .stack(stack)
                .email(email)
                .message("We need help with our " + stack.label() + " backend.")
                .preferredAt(preferredAt, preferredAt == null ? null : "Europe/Berlin")
                .clientIp("203.0.113.7")
                .spamReason(spamReason)
                .build();
    }

    /** Puts a staff member out of office from {@code from} to {@code to}, both days included. */
    public static void outOfOffice(JdbcTemplate jdbc, long staffId, java.time.LocalDate from, java.time.LocalDate to) {
        jdbc.update(
                "insert into staff_absence (staff_id, starts_on, ends_on, note) values (?, ?, ?, ?)",
                staffId,
                from,
                to,
                "test");
    }

    /** Out of office today (UTC, as routing reads it). */
    public static void outOfOfficeToday(JdbcTemplate jdbc, long staffId) {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        outOfOffice(jdbc, staffId, today.minusDays(1), today.plusDays(1));
    }
}
