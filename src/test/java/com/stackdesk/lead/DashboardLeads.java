package com.stackdesk.lead;

import com.stackdesk.MutableClock;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known set of leads whose dashboard figures a reader can count by hand, for {@link
 * LeadStatisticsTests} and the dashboard's view test. The clock stands still at {@link #NOW}
 * (import {@link FixedClock}), so "days ago" are exact.
 *
 * <pre>
 * lead  created  status     stack   source      assignee  first response  note
 * L1    1 d      NEW        GO      google      -         -
 * L2    2 d      NEW        JAVA    google      ana       -
 * L3    3 d      CONTACTED  GO      newsletter  ana       after 2 h
 * L4    5 d      QUALIFIED  PYTHON  direct      ben       after 4 h
 * L5    10 d     WON        JAVA    google      ben       after 1 h
 * L6    12 d     LOST       GO      newsletter  ana       after 6 h
 * L7    20 d     NEW        JAVA    newsletter  -         -               oldest waiting
 * L8    40 d     CONTACTED  GO      google      ben       after 3 h       past the 30-day median window
 * L9    100 d    PROPOSAL   JAVA    google      ana       after 8 h       past the 90-day charts and 8 weeks
 * S1    1 d      NEW        GO      google      -         -               suspected spam: never counts
 * S2    2 d      NEW        GO      google      ana       -               suspected spam: never counts
 * </pre>
 *
 * Staff: ana (Ana Souza) and ben (Ben Okafor) are sales reps, maria (María García) a manager,
 * ada (Ada Admin) an admin who takes no leads.
 */
public final class DashboardLeads {

    public static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    /** The references of L1..L9, in that order, once {@link #store} ran. */
    public static final String[] REFERENCES = new String[9];

    private DashboardLeads() {}

    /** Holds the application's clock at {@link #NOW}. */
    @TestConfiguration
    public static class FixedClock {
        @Bean
        @Primary
        MutableClock dashboardClock() {
            return new MutableClock(NOW);
        }
    }

    /** Replaces every lead with the table above and makes sure the four staff members exist (beside the first start's "admin"). */
    public static void store(ApplicationContext app) {
        var jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("delete from lead_activity");
        jdbc.update("delete from lead");
        var staff = app.getBean(StaffMembers.class);
        var ana = member(staff, "ana", "Ana Souza", Role.SALES, 25);
        var ben = member(staff, "ben", "Ben Okafor", Role.SALES, 25);
        member(staff, "maria", "María García", Role.MANAGER, 25);
        member(staff, "ada", "Ada Admin", Role.ADMIN, 0);

        var registration = app.getBean(LeadRegistration.class);
        var imports = app.getBean(LeadImports.class);
        REFERENCES[0] = lead(registration, imports, 1, LeadStatus.NEW, StackLeaning.GO, "google", null, null, null);
        REFERENCES[1] = lead(registration, imports, 2, LeadStatus.NEW, StackLeaning.JAVA, "google", ana, null, null);
        REFERENCES[2] =
                lead(registration, imports, 3, LeadStatus.CONTACTED, StackLeaning.GO, "newsletter", ana, 2, null);
        REFERENCES[3] = lead(registration, imports, 5, LeadStatus.QUALIFIED, StackLeaning.PYTHON, null, ben, 4, null);
        REFERENCES[4] = lead(registration, imports, 10, LeadStatus.WON, StackLeaning.JAVA, "google", ben, 1, null);
        REFERENCES[5] = lead(registration, imports, 12, LeadStatus.LOST, StackLeaning.GO, "newsletter", ana, 6, null);
        REFERENCES[6] =
                lead(registration, imports, 20, LeadStatus.NEW, StackLeaning.JAVA, "newsletter", null, null, null);
        REFERENCES[7] = lead(registration, imports, 40, LeadStatus.CONTACTED, StackLeaning.GO, "google", ben, 3, null);
        REFERENCES[8] =
                lead(registration, imports, 100, LeadStatus.PROPOSAL, StackLeaning.JAVA, "google", ana, 8, null);
        lead(registration, imports, 1, LeadStatus.NEW, StackLeaning.GO, "google", null, null, "too fast");
        lead(registration, imports, 2, LeadStatus.NEW, StackLeaning.GO, "google", ana, null, "too fast");
    }

    private static StaffMember member(StaffMembers staff, String username, String fullName, Role role, int capacity) {
        return staff.findByUsernameIgnoreCase(username).orElseGet(() -> TestStaff.member(username)
                .fullName(fullName)
                .role(role)
                .capacity(capacity)
                .save(staff));
    }

    private static String lead(
            LeadRegistration registration,
            LeadImports imports,
            int daysAgo,
            LeadStatus status,
            StackLeaning stack,
            @Nullable String utmSource,
            @Nullable StaffMember assignee,
            @Nullable Integer respondedAfterHours,
            @Nullable String spamReason) {
        var createdAt = NOW.minus(Duration.ofDays(daysAgo));
        var lead = TestLeads.store(
                registration,
                TestLeads.lead()
                        .email("lead-" + daysAgo + "-" + stack.name().toLowerCase(java.util.Locale.ROOT) + "@x.example")
                        .stack(stack)
                        .utmSource(utmSource)
                        .spamReason(spamReason)
                        .build(),
                createdAt);
        return imports.applyHistory(
                        lead,
                        assignee == null ? null : assignee.getId(),
                        assignee == null ? null : assignee.getFullName(),
                        status,
                        respondedAfterHours == null ? null : createdAt.plus(Duration.ofHours(respondedAfterHours)),
                        status == LeadStatus.LOST ? "went elsewhere" : null)
                .getReference();
    }
}
