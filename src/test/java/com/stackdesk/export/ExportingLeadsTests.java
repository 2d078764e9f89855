package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.AssistantSummary;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The CSV export as a manager and as a sales rep use it, read back with a CSV parser. */
@IntegrationTest
class ExportingLeadsTests {

    @Autowired
    LeadCsvExport export;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    ExportLog log;

    @Autowired
    ApplicationContext app;

    String company;
    StaffMember ana;
    StaffMember ben;
    StaffMember maria;

    @BeforeEach
    void setUp() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        company = "Exportco" + suffix;
        var team = TestStaff.team(staff, "x");
        ana = team.ana();
        ben = team.ben();
        maria = team.maria();
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private String store(String first, String last, StackLeaning stack, StaffMember assignee, Instant createdAt) {
        var lead = TestLeads.store(
                registration,
                TestLeads.consultation(first, last, first.toLowerCase() + "@" + company + ".example", company, stack),
                createdAt);
        if (assignee != null) {
            TestAssignments.assign(lead, assignee.getId(), "Go skill: " + assignee.getFullName());
            leads.save(lead);
        }
        return lead.getReference();
    }

    private String exportAs(StaffMember who, LeadFilter filter, boolean bom) throws Exception {
        SignIn.as(app, who.getUsername());
        var out = new ByteArrayOutputStream();
        export.write(filter, List.of(), out, bom, "test");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exportsExactlyTheFilteredRowsWithEveryColumn() throws Exception {
        var go1 = store("Zoë", "Brooks", StackLeaning.GO, ana, Instant.parse("2026-11-20T09:00:00Z"));
        var go2 = store("李", "雷", StackLeaning.GO, null, Instant.parse("2026-11-21T09:00:00Z"));
        store("Sam", "Taylor", StackLeaning.PHP, ben, Instant.parse("2026-11-22T09:00:00Z"));

        var csv = exportAs(
                maria,
                LeadFilter.builder().query(company).stack(StackLeaning.GO).build(),
                true);
        var records = CsvRows.parse(csv);

        assertThat(records).extracting(r -> r.get("reference")).containsExactly(go2, go1);
        assertThat(records.getFirst().getParser().getHeaderNames())
                .containsExactly(
                        "reference",
                        "kind",
                        "status",
                        "created_at",
                        "first_name",
                        "last_name",
                        "email",
                        "phone",
                        "company",
                        "stack",
                        "contact_method",
                        "preferred_contact_at",
                        "visitor_time_zone",
                        "message",
                        "project_type",
                        "budget",
                        "timeline",
                        "team_size",
                        "assignee",
                        "first_response_at",
                        "lost_reason",
                        "lost_reason_category",
                        "routing_reason",
                        "source",
                        "utm_source",
                        "utm_medium",
                        "utm_campaign",
                        "utm_term",
                        "utm_content",
                        "referrer",
                        "landing_page",
                        "consent_version",
                        "consent_at",
                        "client_ip",
                        "suspected_spam",
                        "spam_reason",
                        "assistant_recommendation",
                        "assistant_quote",
                        "assistant_answers");
        var zoe = records.get(1);
        assertThat(zoe.get("first_name")).isEqualTo("Zoë");
        assertThat(zoe.get("kind")).isEqualTo(LeadKind.CONSULTATION.label());
        assertThat(zoe.get("status")).isEqualTo("New");
        assertThat(zoe.get("stack")).isEqualTo("Go");
        assertThat(zoe.get("created_at")).isEqualTo("2026-11-20T09:00:00+00:00");
        assertThat(zoe.get("company")).isEqualTo(company);
        assertThat(zoe.get("contact_method")).isEqualTo("Video call");
        assertThat(zoe.get("assignee")).isEqualTo("Ana Souza");
        assertThat(zoe.get("routing_reason")).isEqualTo("Go skill: Ana Souza");
        assertThat(zoe.get("landing_page")).isEqualTo("/book");
        assertThat(zoe.get("consent_version")).isEqualTo("test-v1");
        assertThat(zoe.get("suspected_spam")).isEqualTo("false");
        assertThat(records.get(0).get("last_name")).isEqualTo("雷");
        assertThat(records.get(0).get("assignee")).isEmpty();
    }

    @Test
    void exportsWhatTheStackAssistantConcluded() throws Exception {
        var assisted = TestLeads.store(
                        registration,
                        TestLeads.lead()
                                .name("Ada", "Assisted")
                                .email("ada@" + company + ".example")
                                .company(company)
                                .stack(StackLeaning.GO)
                                .assistant(new AssistantSummary(
                                        "Team knows: Go; Workload: Many concurrent connections (APIs, chat, streaming)",
                                        "Go over Node.js — many concurrent connections, team knows Go",
                                        "50–85k EUR, 1–2 months"))
                                .build(),
                        Instant.parse("2026-11-24T09:00:00Z"))
                .getReference();
        store("Bo", "Plain", StackLeaning.GO, null, Instant.parse("2026-11-23T09:00:00Z"));

        var records = CsvRows.parse(
                exportAs(maria, LeadFilter.builder().query(company).build(), false));

        assertThat(records).extracting(r -> r.get("reference")).first().isEqualTo(assisted);
        var ada = records.getFirst();
        assertThat(ada.get("assistant_recommendation"))
                .isEqualTo("Go over Node.js — many concurrent connections, team knows Go");
        assertThat(ada.get("assistant_quote")).isEqualTo("50–85k EUR, 1–2 months");
        assertThat(ada.get("assistant_answers"))
                .isEqualTo("Team knows: Go; Workload: Many concurrent connections (APIs, chat, streaming)");
        assertThat(records.get(1).get("assistant_recommendation")).isEmpty();
        assertThat(records.get(1).get("assistant_quote")).isEmpty();
    }

    @Test
    void startsWithAByteOrderMarkSoExcelReadsAccentsUnlessToldNotTo() throws Exception {
        store("José", "Fernández", StackLeaning.JAVA, null, Instant.now());

        var withMark = exportAs(maria, LeadFilter.builder().query(company).build(), true)
                .getBytes(StandardCharsets.UTF_8);
        var without = exportAs(maria, LeadFilter.builder().query(company).build(), false)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(withMark).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(without).startsWith("reference,".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(without, StandardCharsets.UTF_8)).contains("José,Fernández");
    }

    @Test
    void neutralizesCellsThatASpreadsheetWouldRunAsFormulas() throws Exception {
        var lead = TestLeads.store(
                registration,
                TestLeads.consultation(
                        "=HYPERLINK(\"http://evil.example\")",
                        "@SUM(A1)",
                        "f@" + company + ".example",
                        company,
                        StackLeaning.GO),
                Instant.now());

        var record = CsvRows.parse(
                        exportAs(maria, LeadFilter.builder().query(company).build(), true))
                .getFirst();

        assertThat(record.get("reference")).isEqualTo(lead.getReference());
        assertThat(record.get("first_name")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(record.get("last_name")).isEqualTo("'@SUM(A1)");
        assertThat(LeadCsv.neutralized("+49 30 123")).isEqualTo("'+49 30 123");
        assertThat(LeadCsv.neutralized("-1")).isEqualTo("'-1");
        assertThat(LeadCsv.neutralized("\tx")).isEqualTo("'\tx");
        assertThat(LeadCsv.neutralized("\rx")).isEqualTo("'\rx");
        assertThat(LeadCsv.neutralized("Acme = good")).isEqualTo("Acme = good");
    }

    @Test
    void aSalesRepsExportHoldsOnlyTheirOwnAndUnassignedLeads() throws Exception {
        var anas = store("Ana", "Client", StackLeaning.GO, ana, Instant.now());
        var nobodys = store("Open", "Lead", StackLeaning.GO, null, Instant.now());
        store("Ben", "Client", StackLeaning.GO, ben, Instant.now());

        var records =
                CsvRows.parse(exportAs(ana, LeadFilter.builder().query(company).build(), true));

        assertThat(records).extracting(r -> r.get("reference")).containsExactlyInAnyOrder(anas, nobodys);
    }

    @Test
    void aSalesRepAskingForAnotherRepsLeadsIsRefused() {
        SignIn.as(app, ana.getUsername());

        assertThatThrownBy(() -> export.write(
                        LeadFilter.builder()
                                .assignee(LeadFilter.Assignee.of(ben.getId()))
                                .build(),
                        List.of(),
                        new ByteArrayOutputStream(),
                        true,
                        "test"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyExportsWithoutSigningIn() {
        assertThatThrownBy(() -> export.write(LeadFilter.NONE, List.of(), new ByteArrayOutputStream(), true, "test"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void everyExportIsWrittenToTheAuditTrail() throws Exception {
        store("Audit", "Me", StackLeaning.RUBY, null, Instant.now());
        store("Audit", "Too", StackLeaning.RUBY, null, Instant.now());

        exportAs(
                maria,
                LeadFilter.builder().query(company).stack(StackLeaning.RUBY).build(),
                true);

        var entry = log.findAll(
                        org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("id")))
                .getFirst();
        assertThat(entry.getActor()).isEqualTo(maria.getUsername());
        assertThat(entry.getFilters()).contains("stack=RUBY", "q=" + company);
        assertThat(entry.getRowCount()).isEqualTo(2);
        assertThat(entry.isCompleted()).isTrue();
    }
}
