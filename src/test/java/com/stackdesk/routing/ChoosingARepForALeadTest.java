package com.stackdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.RoutingPolicy.Candidate;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RoutingPolicy} without Spring: plain reps in, the decision and its reason out. Each
 * expected reason is written out by hand from the rules, not taken from the code.
 */
class ChoosingARepForALeadTest {

    private final RoutingPolicy leastLoaded = new RoutingPolicy(RoutingStrategy.LEAST_LOADED, true);

    @Test
    void goLeadGoesToTheLeastLoadedRepWithTheGoSkill() {
        var decision = leastLoaded
                .choose(StackLeaning.GO, List.of(ana(2), ben(1), generalistCy(0)))
                .decision("");

        assertThat(decision.staffId()).isEqualTo(2L);
        assertThat(decision.reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ben Okafor has 1 open lead, Ana Souza 2 → Ben Okafor");
    }

    @Test
    void aRepAtCapacityIsSkipped() {
        var full = new Candidate(
                profile(1, "Ana Souza", Role.SALES, Set.of(StackLeaning.GO), false, 3, 1), false, 3, 0, 0);

        var decision =
                leastLoaded.choose(StackLeaning.GO, List.of(full, ben(4))).decision("");

        assertThat(decision.staffId()).isEqualTo(2L);
        assertThat(decision.reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ana Souza at capacity (3 open leads) → Ben Okafor");
    }

    @Test
    void aRepOutOfOfficeIsSkippedEvenWithTheLightestLoad() {
        var away = new Candidate(anaProfile(1), true, 0, 0, 0);

        var decision =
                leastLoaded.choose(StackLeaning.GO, List.of(away, ben(2))).decision("");

        assertThat(decision.staffId()).isEqualTo(2L);
        assertThat(decision.reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ana Souza out of office → Ben Okafor");
    }

    @Test
    void withoutTheSkillTheLeadGoesToGeneralistsThenToEveryoneInSales() {
        var javaAna = new Candidate(
                profile(1, "Ana Souza", Role.SALES, Set.of(StackLeaning.JAVA), false, 5, 1), false, 0, 0, 0);

        assertThat(leastLoaded
                        .choose(StackLeaning.GO, List.of(javaAna, generalistCy(3)))
                        .decision("")
                        .reason())
                .isEqualTo("no one has the Go skill; generalists: Cy Lee → Cy Lee");
        assertThat(leastLoaded
                        .choose(StackLeaning.GO, List.of(javaAna))
                        .decision("")
                        .reason())
                .isEqualTo("no one has the Go skill; no generalists; everyone in sales: Ana Souza → Ana Souza");
    }

    @Test
    void adminsAndInactiveAccountsNeverGetLeads() {
        var admin =
                new Candidate(profile(7, "Ada Admin", Role.ADMIN, Set.of(StackLeaning.GO), true, 5, 1), false, 0, 0, 0);
        var inactive = new Candidate(
                new StaffProfile(
                        8,
                        "gone",
                        "Gus Gone",
                        "gus@example.com",
                        Role.SALES,
                        false,
                        true,
                        Set.of(StackLeaning.GO),
                        5,
                        1,
                        null),
                false,
                0,
                0,
                0);
        var plainBen = new Candidate(profile(2, "Ben Okafor", Role.SALES, Set.of(), false, 5, 1), false, 4, 0, 0);

        var decision = leastLoaded
                .choose(StackLeaning.GO, List.of(admin, inactive, plainBen))
                .decision("");

        assertThat(decision.reason())
                .isEqualTo("no one has the Go skill; no generalists; everyone in sales: Ben Okafor → Ben Okafor");
    }

    @Test
    void nobodyAvailableQueuesTheLeadForManagers() {
        var away = new Candidate(anaProfile(1), true, 0, 0, 0);

        var choice = leastLoaded.choose(StackLeaning.GO, List.of(away));

        assertThat(choice.chosen()).isNull();
        assertThat(choice.decision("").staffId()).isNull();
        assertThat(choice.decision("").reason())
                .isEqualTo("Go skill: Ana Souza; Ana Souza out of office; nobody available; no generalists;"
                        + " no one else in sales → nobody available, queued for managers");
    }

    @Test
    void aStackWithoutSkillsSaysSoAndGoesToGeneralists() {
        var decision = leastLoaded
                .choose(StackLeaning.NOT_SURE, List.of(ana(0), generalistCy(2)))
                .decision("");

        assertThat(decision.reason()).isEqualTo("Not sure yet: no skill to match; generalists: Cy Lee → Cy Lee");
    }

    @Test
    void aTieGoesToWhoeverWasAssignedLeastRecentlyThenToTheLowerId() {
        var anaRecently = new Candidate(anaProfile(1), false, 1, 0, 7);
        var benEarlier = new Candidate(benProfile(2), false, 1, 0, 3);

        assertThat(leastLoaded
                        .choose(StackLeaning.GO, List.of(anaRecently, benEarlier))
                        .decision("")
                        .reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ben Okafor has 1 open lead, Ana Souza 1 → Ben Okafor");
        assertThat(leastLoaded
                        .choose(StackLeaning.GO, List.of(ben(1), ana(1)))
                        .decision("")
                        .staffId())
                .isEqualTo(1L);
    }

    @Test
    void weightsDivideTheLoadWhenTheyAreOnAndDiffer() {
        var heavyAna = new Candidate(
                profile(1, "Ana Souza", Role.SALES, Set.of(StackLeaning.GO), false, 10, 2), false, 3, 0, 0);
        var reps = List.of(heavyAna, ben(2));

        // Ana: 3 open / weight 2 = 1.5 per unit; Ben: 2 / 1 = 2
        assertThat(leastLoaded.choose(StackLeaning.GO, reps).decision("").reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ana Souza has 3 open leads, Ben Okafor 2"
                        + " (weights Ana Souza 2, Ben Okafor 1) → Ana Souza");
        assertThat(new RoutingPolicy(RoutingStrategy.LEAST_LOADED, false)
                        .choose(StackLeaning.GO, reps)
                        .decision("")
                        .reason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ben Okafor has 2 open leads, Ana Souza 3 → Ben Okafor");
    }

    @Test
    void roundRobinGivesTheTurnToWhoeverTookFewest() {
        var anaFour = new Candidate(anaProfile(1), false, 0, 4, 9);
        var benThree = new Candidate(benProfile(2), false, 2, 3, 8);

        var decision = new RoutingPolicy(RoutingStrategy.ROUND_ROBIN, true)
                .choose(StackLeaning.GO, List.of(anaFour, benThree))
                .decision("Returning visitor: earlier lead SD-AAAAAA has no owner; ");

        assertThat(decision.staffId()).isEqualTo(2L);
        assertThat(decision.reason())
                .isEqualTo("Returning visitor: earlier lead SD-AAAAAA has no owner; Go skill: Ana Souza, Ben Okafor;"
                        + " round robin: Ben Okafor's turn (3 taken, Ana Souza 4) → Ben Okafor");
    }

    private static Candidate ana(long openLeads) {
        return new Candidate(anaProfile(1), false, openLeads, 0, 0);
    }

    private static Candidate ben(long openLeads) {
        return new Candidate(benProfile(2), false, openLeads, 0, 0);
    }

    private static Candidate generalistCy(long openLeads) {
        return new Candidate(profile(3, "Cy Lee", Role.SALES, Set.of(), true, 5, 1), false, openLeads, 0, 0);
    }

    private static StaffProfile anaProfile(long id) {
        return profile(id, "Ana Souza", Role.SALES, Set.of(StackLeaning.GO), false, 5, 1);
    }

    private static StaffProfile benProfile(long id) {
        return profile(id, "Ben Okafor", Role.SALES, Set.of(StackLeaning.GO), false, 5, 1);
    }

    private static StaffProfile profile(
            long id, String name, Role role, Set<StackLeaning> skills, boolean generalist, int capacity, int weight) {
        var username = name.toLowerCase().replace(' ', '.');
        return new StaffProfile(
                id, username, name, username + "@example.com", role, true, generalist, skills, capacity, weight, null);
    }
}
