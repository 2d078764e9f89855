package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grid's URL filters, read by the one parser the grid and the export share. */
class ReadingLeadFiltersFromALinkTest {

    private static final long ME = 7;

    private static LeadFilterParameters.Parsed parse(String query) {
        var params = new LinkedHashMap<String, List<String>>();
        for (var pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var at = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, at), k -> new java.util.ArrayList<>())
                    .add(pair.substring(at + 1));
        }
        return LeadFilterParameters.parse(
                params, ME, username -> username.equalsIgnoreCase("ana") ? Optional.of(3L) : Optional.empty());
    }

    @Test
    void readsEveryFilterTheGridPutsInItsUrl() {
        var parsed = parse("status=new&kind=CONSULTATION&stack=GO&assignee=me&from=2026-11-02&to=2026-11-03"
                + "&source=newsletter&q=ana&spam=1&sort=-created_at,company");

        assertThat(parsed.problems()).isEmpty();
        var given = parsed.parameters();
        assertThat(given.criteria().status()).isEqualTo(LeadStatus.NEW);
        assertThat(given.criteria().kind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(given.criteria().stack()).isEqualTo(StackLeaning.GO);
        assertThat(given.criteria().assignee()).isEqualTo(LeadFilter.Assignee.of(7));
        assertThat(given.from()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(given.sort())
                .containsExactly(
                        new LeadOrder(LeadOrder.Field.CREATED_AT, false), new LeadOrder(LeadOrder.Field.COMPANY, true));
        var filter = given.filter();
        assertThat(filter.createdFrom()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        // "to" is inclusive: the filter stops at the start of the next day
        assertThat(filter.createdBefore()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(filter.source()).isEqualTo("newsletter");
        assertThat(filter.query()).isEqualTo("ana");
        assertThat(filter.includeSpam()).isTrue();
    }

    @Test
    void readsTheLostReasonTheDashboardsBarsLinkWith() {
        var parsed = parse("status=lost&lostReason=Not given");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.parameters().filter().status()).isEqualTo(LeadStatus.LOST);
        assertThat(parsed.parameters().filter().lostReason()).isEqualTo("Not given");

        var tooLong = parse("status=lost&lostReason=" + "x".repeat(101));
        assertThat(tooLong.describeProblems()).isEqualTo("lostReason: give a reason of at most 100 characters");
        assertThat(tooLong.parameters().filter().lostReason()).isNull();
        assertThat(tooLong.parameters().filter().status()).isEqualTo(LeadStatus.LOST);
    }

    @Test
    void noParametersIsNoFilter() {
        var parsed = parse("");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.parameters()).isEqualTo(LeadFilterParameters.NONE);
        assertThat(parsed.parameters().filter()).isEqualTo(LeadFilter.NONE);
    }

    @ParameterizedTest
    @CsvSource({
        "none, ",
        "unassigned, ",
        "ANA, 3",
        "42, 42",
    })
    void anAssigneeIsNobodyAUsernameOrAnId(String key, Long staffId) {
        var parsed = parse("assignee=" + key);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.parameters().criteria().assignee()).isEqualTo(new LeadFilter.Assignee(staffId));
    }

    @ParameterizedTest
    @CsvSource({
        "status=PENDING, status",
        "kind=call, kind",
        "stack=COBOL, stack",
        "assignee=zoe, assignee",
        "assignee=12345678901234567890, assignee",
        "from=2026-13-45, from",
        "to=2026-02-30, to",
        "to=+999999999-12-31, to",
        "spam=perhaps, spam",
        "sort=salary, sort",
        "status=NEW&status=WON, status",
    })
    void aBadValueIsAProblemNamingItsParameter(String query, String parameter) {
        var parsed = parse(query);

        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.parameter())
                .isEqualTo(parameter));
        assertThat(parsed.describeProblems()).startsWith(parameter + ": ");
    }

    @Test
    void aBadValueLeavesTheOtherFiltersInForce() {
        var parsed = parse("status=PENDING&stack=GO&from=yesterday&q=fjord");

        assertThat(parsed.problems())
                .extracting(LeadFilterParameters.Problem::parameter)
                .containsExactly("status", "from");
        var filter = parsed.parameters().filter();
        assertThat(filter.status()).isNull();
        assertThat(filter.createdFrom()).isNull();
        assertThat(filter.stack()).isEqualTo(StackLeaning.GO);
        assertThat(filter.query()).isEqualTo("fjord");
    }

    @Test
    void blankValuesCountAsNotGiven() {
        var parsed = LeadFilterParameters.parse(
                Map.of("status", List.of(" "), "q", List.of("")), ME, username -> Optional.empty());

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.parameters()).isEqualTo(LeadFilterParameters.NONE);
    }

    @Test
    void readsTheDashboardsGroupsOfStatusesAndFirstResponseStates() {
        var now = java.time.Instant.parse("2026-03-02T12:00:00Z");
        var open = LeadFilterParameters.parse(
                java.util.Map.of("status", java.util.List.of("open"), "response", java.util.List.of("in-time")),
                7,
                u -> java.util.Optional.empty());
        assertThat(open.problems()).isEmpty();
        assertThat(open.parameters().criteria().status()).isNull();
        assertThat(open.parameters().filter(now).open()).isTrue();
        assertThat(open.parameters().filter(now).response())
                .isEqualTo(LeadFilter.FirstResponse.of(LeadFilter.FirstResponse.State.IN_TIME, now));
        assertThat(LeadFilterParameters.parse(
                                java.util.Map.of("status", java.util.List.of("Closed")),
                                7,
                                u -> java.util.Optional.empty())
                        .parameters()
                        .criteria()
                        .open())
                .isFalse();

        var bad = LeadFilterParameters.parse(
                java.util.Map.of("status", java.util.List.of("ongoing"), "response", java.util.List.of("fast")),
                7,
                u -> java.util.Optional.empty());
        assertThat(bad.describeProblems())
                .isEqualTo("status: use one of NEW, CONTACTED, QUALIFIED, PROPOSAL, WON, LOST, open or closed;"
                        + " response: use one of none, answered, in-time, late, measured");
        assertThat(bad.parameters().criteria().open()).isNull();
        assertThat(bad.parameters().response()).isNull();
    }
}
