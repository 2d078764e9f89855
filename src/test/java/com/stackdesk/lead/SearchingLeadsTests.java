package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * The grid's queries: each filter narrows in SQL, counts agree with pages, sales reps see only
 * their own and unassigned leads, suspected spam stays hidden unless asked for. Runs on its own
 * database so the counts are exact.
 */
@IntegrationTest
@TestPropertySource(properties = "stackdesk.test.context=searching-leads")
class SearchingLeadsTests {

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Autowired
    LeadSearch search;

    @Autowired
    LeadSearchIndex searchIndex;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    LeadRegistration registration;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    UserDetailsService users;

    static StaffMember ana;
    static StaffMember ben;
    static StaffMember maria;
    static Instant now = Instant.now();

    @BeforeEach
    void seedOnce() {
        if (ana != null && staff.findById(ana.getId()).isPresent()) {
            return;
        }
        leads.deleteAll();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        ana = TestStaff.member("ana-" + suffix).fullName("Ana").save(staff);
        ben = TestStaff.member("ben-" + suffix).fullName("Ben").save(staff);
        maria = TestStaff.member("maria-" + suffix)
                .fullName("María")
                .role(Role.MANAGER)
                .save(staff);
        store(
                LeadKind.CONSULTATION,
                "Ana",
                "Lima",
                "ana.lima@fjord.example",
                "Fjord Analytics",
                StackLeaning.GO,
                "google",
                null,
                ana,
                1);
        store(
                LeadKind.CONSULTATION,
                "Bruno",
                "Costa",
                "bruno@kumo.example",
                "Kumo Robotics",
                StackLeaning.GO,
                "newsletter",
                null,
                ben,
                2);
        store(
                LeadKind.DEVELOPMENT_PLAN,
                "Chen",
                "Wei",
                "chen.wei@fastmail.example",
                null,
                StackLeaning.JAVA,
                "google",
                null,
                ana,
                10);
        store(
                LeadKind.DEVELOPMENT_PLAN,
                "Dana",
                "Fjordsen",
                "dana@cedar.example",
                "Cedar Legal",
                StackLeaning.PYTHON,
                null,
                null,
                null,
                20);
        store(
                LeadKind.CONSULTATION,
                "Eve",
                "Bot",
                "eve@spam.example",
                "Fjord Spam",
                StackLeaning.GO,
                "google",
                "too fast",
                null,
                3);
    }

    private void store(
            LeadKind kind,
            String first,
            String last,
            String email,
            String company,
            StackLeaning stack,
            String utm,
            String spam,
            StaffMember assignee,
            int daysAgo) {
        var lead = TestLeads.store(
                registration,
                TestLeads.request(kind, first, last, email, company, stack, utm, spam),
                now.minus(Duration.ofDays(daysAgo)));
        if (assignee != null) {
            lead.assign(assignee.getId(), "test");
            leads.save(lead);
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private List<String> emails(LeadFilter filter) {
        var rows = search.page(filter, List.of(), 0, 50);
        assertThat(search.count(filter)).as("count agrees with the rows").isEqualTo(rows.size());
        return rows.stream().map(LeadRow::email).toList();
    }

    @Test
    void withoutFiltersAManagerSeesAllButSpamNewestFirst() {
        SignIn.as(app, maria.getUsername());

        assertThat(emails(LeadFilter.NONE))
                .containsExactly(
                        "ana.lima@fjord.example",
                        "bruno@kumo.example",
                        "chen.wei@fastmail.example",
                        "dana@cedar.example");
    }

    @Test
    void suspectedSpamShowsOnlyWhenAskedFor() {
        SignIn.as(app, maria.getUsername());

        assertThat(emails(LeadFilter.builder().includeSpam(true).build()))
                .contains("eve@spam.example")
                .hasSize(5);
    }

    @Test
    void filtersByStatusKindStackAndSource() {
        SignIn.as(app, maria.getUsername());

        assertThat(emails(LeadFilter.builder()
                        .status(LeadStatus.NEW)
                        .stack(StackLeaning.GO)
                        .build()))
                .containsExactly("ana.lima@fjord.example", "bruno@kumo.example");
        assertThat(emails(LeadFilter.builder().status(LeadStatus.WON).build())).isEmpty();
        assertThat(emails(LeadFilter.builder().kind(LeadKind.DEVELOPMENT_PLAN).build()))
                .containsExactly("chen.wei@fastmail.example", "dana@cedar.example");
        assertThat(emails(LeadFilter.builder().source("google").build()))
                .containsExactly("ana.lima@fjord.example", "chen.wei@fastmail.example");
        assertThat(emails(LeadFilter.builder().source("direct").build())).containsExactly("dana@cedar.example");
    }

    @Test
    void filtersByAssigneeIncludingUnassigned() {
        SignIn.as(app, maria.getUsername());

        assertThat(emails(LeadFilter.builder()
                        .assignee(LeadFilter.Assignee.of(ana.getId()))
                        .build()))
                .containsExactly("ana.lima@fjord.example", "chen.wei@fastmail.example");
        assertThat(emails(LeadFilter.builder()
                        .assignee(LeadFilter.Assignee.UNASSIGNED)
                        .build()))
                .containsExactly("dana@cedar.example");
    }

    @Test
    void filtersByCreatedDateRange() {
        SignIn.as(app, maria.getUsername());

        var filter = LeadFilter.builder()
                .created(now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(5)))
                .build();
        assertThat(emails(filter)).containsExactly("chen.wei@fastmail.example");
    }

    @Test
    void searchesPrefixesOfNameEmailAndCompanyInAnyCase() {
        SignIn.as(app, maria.getUsername());

        assertThat(emails(LeadFilter.builder().query("CHEN.W").build())).containsExactly("chen.wei@fastmail.example");
        assertThat(emails(LeadFilter.builder().query("fjord").build()))
                .as("company Fjord Analytics and last name Fjordsen, not the spam")
                .containsExactly("ana.lima@fjord.example", "dana@cedar.example");
        assertThat(emails(LeadFilter.builder().query("bruno cos").build())).containsExactly("bruno@kumo.example");
        assertThat(emails(LeadFilter.builder().query("costa").build())).containsExactly("bruno@kumo.example");
        assertThat(emails(LeadFilter.builder().query("obotics").build()))
                .as("prefixes only")
                .isEmpty();
        assertThat(emails(LeadFilter.builder().query("%").build()))
                .as("wildcards match themselves")
                .isEmpty();
    }

    @Test
    void aSearchOfSeveralWordsReadsItsRarestWordFirstAndFindsTheSameLeads() {
        SignIn.as(app, maria.getUsername());
        var typed = LeadSearchTerms.query("Fjord Lima");

        var ordered = LeadSql.rarestFirst(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), typed);

        assertThat(ordered.words())
                .as("three leads have a term starting with fjord, one with lima")
                .containsExactly("lima", "fjord");
        assertThat(emails(LeadFilter.builder().query("Fjord Lima").build())).containsExactly("ana.lima@fjord.example");
        assertThat(emails(LeadFilter.builder().query("lima fjord").build())).containsExactly("ana.lima@fjord.example");
        assertThat(emails(LeadFilter.builder().query("fjord wei").build())).isEmpty();
    }

    @Test
    void findsByReferenceAnyWordEmailPiecesAndPhoneDigitsWithoutAccents() {
        SignIn.as(app, maria.getUsername());
        var lead = TestLeads.store(
                registration,
                TestLeads.lead()
                        .kind(LeadKind.CONSULTATION)
                        .name("José", "Fernández Müller")
                        .email("j.mueller@fjord-logistik.example")
                        .company("Nordlicht Logistik GmbH")
                        .phone("+49 30 6433012")
                        .build(),
                now.minus(Duration.ofDays(4)));
        try {
            var reference = lead.getReference();
            var theLead = List.of("j.mueller@fjord-logistik.example");
            assertThat(emails(LeadFilter.builder().query(reference).build()))
                    .as("reference")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder()
                            .query(reference.toLowerCase().replace("-", ""))
                            .build()))
                    .as("reference typed without the dash")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query(reference.substring(3)).build()))
                    .as("reference without SD-")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("logistik").build()))
                    .as("a word inside the company")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("mueller").build()))
                    .as("a piece of the email")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("jose muller").build()))
                    .as("accents dropped")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("JOSÉ FERNÁNDEZ").build()))
                    .as("accents typed")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("030 6433012").build()))
                    .as("local phone number")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("+49 30 643 3012").build()))
                    .as("international")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder()
                            .query("jose logistik nordlicht")
                            .build()))
                    .as("every word must match")
                    .isEqualTo(theLead);
            assertThat(emails(LeadFilter.builder().query("jose cedar").build()))
                    .as("not every word matches")
                    .isEmpty();
            assertThat(emails(LeadFilter.builder().query("6433").build()))
                    .as("too few digits for the end of a number")
                    .isEmpty();
        } finally {
            leads.delete(lead);
        }
    }

    @Test
    void indexesLeadsStoredBeforeTheSearchTermsExistedOnceAfterTheStart() {
        SignIn.as(app, maria.getUsername());
        var lead = TestLeads.store(
                registration,
                TestLeads.lead()
                        .name("Ingrid", "Oldtimer")
                        .email("ingrid@old.example")
                        .build(),
                now.minus(Duration.ofDays(30)));
        try {
            jdbc.update("DELETE FROM lead_search_term WHERE lead_id = ?", lead.getId());
            assertThat(emails(LeadFilter.builder().query("oldtimer").build())).isEmpty();
            jdbc.update("DELETE FROM lead_search_backfill");
            jdbc.update(
                    "INSERT INTO lead_search_backfill (id, next_lead_id, last_lead_id) VALUES (1, 0, ?)", lead.getId());

            searchIndex.backfill();

            assertThat(emails(LeadFilter.builder().query("oldtimer").build())).containsExactly("ingrid@old.example");
            assertThat(emails(LeadFilter.builder().query("fjord").build()))
                    .as("the others' terms rewritten, not doubled")
                    .containsExactly("ana.lima@fjord.example", "dana@cedar.example");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_search_backfill", Integer.class))
                    .as("done: the next start has nothing to do")
                    .isZero();
        } finally {
            leads.delete(lead);
        }
    }

    @Test
    void aQueuedLeadIsIndexedByTheSweepAndAChangeMeanwhileIsNotWrittenTwice() {
        SignIn.as(app, maria.getUsername());
        var lead = TestLeads.store(
                registration,
                TestLeads.lead()
                        .name("Quentin", "Queued")
                        .email("quentin@queue.example")
                        .build(),
                now);
        try {
            // as a submission leaves a lead whose process died right after the commit: queued, no terms
            jdbc.update("DELETE FROM lead_search_term WHERE lead_id = ?", lead.getId());
            jdbc.update("INSERT INTO lead_search_pending (lead_id) VALUES (?)", lead.getId());
            assertThat(emails(LeadFilter.builder().query("queued").build())).isEmpty();

            searchIndex.sweep();

            await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> assertThat(
                            emails(LeadFilter.builder().query("queued").build()))
                    .containsExactly("quentin@queue.example"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_search_pending", Integer.class))
                    .isZero();

            // queued again, then its details change before the worker comes: the change writes the
            // terms and takes it off the queue, so the worker finds nothing to write twice
            jdbc.update("INSERT INTO lead_search_pending (lead_id) VALUES (?)", lead.getId());
            transactions.executeWithoutResult(tx -> searchIndex.replace(lead));
            assertThat(searchIndex.indexPending()).isZero();
            assertThat(emails(LeadFilter.builder().query("queued").build())).containsExactly("quentin@queue.example");
        } finally {
            leads.delete(lead);
        }
    }

    @Test
    void aSalesRepSeesOnlyOwnAndUnassignedLeads() {
        SignIn.as(app, ana.getUsername());

        assertThat(emails(LeadFilter.NONE))
                .containsExactly("ana.lima@fjord.example", "chen.wei@fastmail.example", "dana@cedar.example");
        assertThat(emails(LeadFilter.builder()
                        .assignee(LeadFilter.Assignee.of(ben.getId()))
                        .build()))
                .as("asking for another rep's leads yields nothing")
                .isEmpty();
    }

    @Test
    void pagesAndSortsInSql() {
        SignIn.as(app, maria.getUsername());

        var byName = search.page(LeadFilter.NONE, List.of(new LeadOrder(LeadOrder.Field.NAME, true)), 1, 2);
        assertThat(byName).extracting(LeadRow::firstName).containsExactly("Bruno", "Chen");
        var oldestFirst = search.page(LeadFilter.NONE, List.of(new LeadOrder(LeadOrder.Field.CREATED_AT, true)), 0, 1);
        assertThat(oldestFirst).extracting(LeadRow::firstName).containsExactly("Dana");
    }
}
