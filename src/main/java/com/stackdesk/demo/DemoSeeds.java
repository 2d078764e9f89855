package com.stackdesk.demo;

import com.stackdesk.base.StartupData;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadImports;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLookup;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.NewLead;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffAccount;
import com.stackdesk.staff.StaffImports;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code seeds/staff.csv} and {@code seeds/leads.csv}, each only into an empty table, before
 * the web server takes its first request.
 */
@Component
@Profile("demo")
@Order(0)
class DemoSeeds implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeds.class);
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final StaffImports staff;
    private final LeadLookup leads;
    private final LeadRegistration registration;
    private final LeadImports imports;
    private final StaffLookup staffLookup;
    private final ResourceLoader resources;
    private final Clock clock;
    private final String location;

    DemoSeeds(
            StaffImports staff,
            LeadLookup leads,
            LeadRegistration registration,
            LeadImports imports,
            StaffLookup staffLookup,
            ResourceLoader resources,
            Clock clock,
            @Value("${stackdesk.seeds.location}") String location) {
        this.staff = staff;
        this.leads = leads;
        this.registration = registration;
        this.imports = imports;
        this.staffLookup = staffLookup;
        this.resources = resources;
        this.clock = clock;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    @Transactional
    public void load() {
        if (staff.none()) {
            int n = load("staff.csv", this::addStaff);
            log.info("Demo seeds: {} staff accounts loaded from {}", n, location);
        }
        if (leads.none()) {
            int n = load("leads.csv", this::addLead);
            log.info("Demo seeds: {} leads loaded from {}", n, location);
        }
    }

    private int load(String file, Function<CSVRecord, Object> add) {
        Resource resource = resources.getResource(location + file);
        if (!resource.exists()) {
            log.warn("Demo seeds: {} not found, nothing loaded", resource.getDescription());
            return 0;
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            int count = 0;
            for (var record : CSV.parse(reader)) {
                add.apply(record);
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("Demo seeds: cannot read " + resource.getDescription(), e);
        }
    }

    private Object addStaff(CSVRecord r) {
        var skills = Arrays.stream(r.get("skills").split(";"))
                .filter(s -> !s.isBlank())
                .map(StackLeaning::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StackLeaning.class)));
        var account = new StaffAccount(
                r.get("username"),
                r.get("full_name"),
                r.get("email"),
                Role.valueOf(r.get("role")),
                skills,
                Boolean.parseBoolean(r.get("generalist")),
                Integer.parseInt(r.get("capacity")),
                1);
        return staff.importAccount(account, r.get("password"));
    }

    private Object addLead(CSVRecord r) {
        var kind = LeadKind.valueOf(r.get("kind"));
        var source = new LeadSource(
                blankToNull(r.get("utm_source")),
                blankToNull(r.get("utm_medium")),
                blankToNull(r.get("utm_campaign")),
                null,
                null,
                blankToNull(r.get("referrer")),
                kind == LeadKind.CONSULTATION ? "/book" : "/plan");
        var request = new NewLead(
                kind,
                r.get("first_name"),
                r.get("last_name"),
                r.get("email"),
                blankToNull(r.get("phone")),
                blankToNull(r.get("company")),
                StackLeaning.valueOf(r.get("stack")),
                r.get("message"),
                parse(ContactMethod.class, r.get("contact_method")),
                null,
                null,
                parse(ProjectType.class, r.get("project_type")),
                parse(BudgetRange.class, r.get("budget")),
                parse(Timeline.class, r.get("timeline")),
                parse(TeamSize.class, r.get("team_size")),
                source,
                "2026-11-v1",
                "203.0.113." + (r.getRecordNumber() % 250),
                "seed-" + r.getRecordNumber(),
                null,
                null);
        var age = Duration.ofMinutes(Math.round(Double.parseDouble(r.get("days_ago")) * 24 * 60));
        // demo leads get the deadline they would have got on arrival, so Today and the grid show some,
        // but no reminder or alert: those come only for leads that arrive while the demo runs
        var lead = registration.importLead(request, clock.instant().minus(age), true);
        var result = applyHistory(r, lead);
        var status = column(r, "status").map(LeadStatus::valueOf).orElse(LeadStatus.NEW);
        if ((status == LeadStatus.QUALIFIED || status == LeadStatus.PROPOSAL)
                && column(r, "assignee").isPresent()) {
            // a next step overdue, due today or later, by the record's number
            var due = clock.instant()
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .plus(Duration.ofHours(20L * (r.getRecordNumber() % 4) - 22));
            imports.followUp(
                    java.util.Objects.requireNonNull(lead.getId()),
                    status == LeadStatus.QUALIFIED ? "Send the proposal" : "Follow up on the proposal",
                    due);
        }
        return result;
    }

    /** The optional columns status, assignee (a username), first_response_hours and lost_reason. */
    private Object applyHistory(CSVRecord r, com.stackdesk.lead.Lead lead) {
        var status = column(r, "status").map(LeadStatus::valueOf).orElse(LeadStatus.NEW);
        var assignee = column(r, "assignee").flatMap(staffLookup::byUsername);
        var firstResponse = column(r, "first_response_hours")
                .map(h -> lead.getCreatedAt().plus(Duration.ofMinutes(Math.round(Double.parseDouble(h) * 60))))
                .orElse(null);
        if (status == LeadStatus.NEW && assignee.isEmpty()) {
            return lead;
        }
        return imports.applyHistory(
                lead,
                assignee.map(StaffProfile::id).orElse(null),
                assignee.map(StaffProfile::fullName).orElse(null),
                status,
                firstResponse,
                column(r, "lost_reason").orElse(null));
    }

    private static java.util.Optional<String> column(CSVRecord r, String name) {
        return r.isMapped(name) && r.isSet(name) && !r.get(name).isBlank()
                ? java.util.Optional.of(r.get(name))
                : java.util.Optional.empty();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        return value.isBlank() ? null : Enum.valueOf(type, value);
    }
}
