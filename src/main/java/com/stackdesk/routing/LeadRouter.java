package com.stackdesk.routing;

import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadRouting;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who gets a lead, following the rules in order: returning visitor, skill (then
 * generalists, then everyone in sales), availability and capacity, and a fair choice by the
 * configured {@link RoutingStrategy}. Every decision explains itself in plain words.
 */
@Service
public class LeadRouter {

    private final StaffLookup staff;
    private final LeadRouting loads;
    private final RoutingRotations rotations;
    private final RoutingMembers members;
    private final RoutingTurns turns;
    private final LeadTimeline timeline;
    private final RoutingProperties properties;
    private final Clock clock;

    LeadRouter(
            StaffLookup staff,
            LeadRouting loads,
            RoutingRotations rotations,
            RoutingMembers members,
            RoutingTurns turns,
            LeadTimeline timeline,
            RoutingProperties properties,
            Clock clock) {
        this.staff = staff;
        this.loads = loads;
        this.rotations = rotations;
        this.members = members;
        this.turns = turns;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who would get a new lead with this stack now, and why; changes nothing (no turn is taken). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public RoutingDecision preview(StackLeaning stack) {
        var choice = choose(stack, reps(clock.instant()));
        return choice.decision("");
    }

    /**
     * Who may take a lead with this stack now, as routing would choose: the reps available in the
     * first tier that has anyone (skill, generalists, everyone in sales; below capacity), the one
     * routing would pick first. Being out of office today does not count here: booking offers their
     * call slots for a lead nobody owns over the next days, and leaves out each day they are away.
     * Changes nothing.
     */
    @Transactional(readOnly = true)
    public List<Long> whoMayTake(StackLeaning stack) {
        var candidates = reps(clock.instant()).stream()
                .map(r -> new RoutingPolicy.Candidate(r.member(), false, r.openLeads(), r.turnsTaken(), r.lastTurn()))
                .toList();
        return new RoutingPolicy(properties.strategy(), properties.weighted())
                .choose(stack, candidates).available().stream()
                        .map(RoutingPolicy.Candidate::id)
                        .toList();
    }

    /** The reps routing considers now, with their load and availability (for the settings view). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public List<RepStatus> reps() {
        return reps(clock.instant()).stream()
                .map(r -> new RepStatus(
                        r.id(),
                        r.name(),
                        r.member().role(),
                        r.member().active(),
                        r.member().generalist(),
                        r.member().skills(),
                        r.member().capacity(),
                        r.member().weight(),
                        r.openLeads(),
                        r.away(),
                        r.turnsTaken()))
                .toList();
    }

    /** One staff member as routing sees them right now. */
    public record RepStatus(
            long staffId,
            String name,
            Role role,
            boolean active,
            boolean generalist,
            Set<StackLeaning> skills,
            int capacity,
            int weight,
            long openLeads,
            boolean outOfOffice,
            long turnsTaken) {}

    /**
     * Locks the rotation until the transaction ends, so routing decisions run one after the other
     * (on every instance).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockRotation() {
        rotations
                .lockById(RoutingRotation.LEADS)
                .orElseThrow(() -> new IllegalStateException("routing_rotation row missing"));
    }

    /**
     * The team as routing sees it now, for the holder of the rotation's lock: one read of the reps,
     * their open leads and their turns for a whole batch of leads, kept current by {@link #route}
     * as it assigns them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Team team() {
        return new Team(reps(clock.instant()));
    }

    /**
     * Decides the owner of a newly stored lead and takes the rotation turn if someone fits. The
     * caller holds the rotation's lock ({@link #lockRotation}) and the {@link #team} it loaded then, so decisions
     * see the assignments before them. Links the lead with the visitor's earlier lead on both timelines.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    RoutingDecision route(LeadRouting.LeadToRoute lead, Team team) {
        var now = clock.instant();
        var leadId = lead.id();
        var prefix = "";
        // a returning visitor goes back to their owner, without taking a turn
        var earlier =
                loads.latestEarlierLead(lead.searchEmail(), leadId, now.minus(properties.returningVisitorWindow()));
        if (earlier.isPresent()) {
            var previous = earlier.get();
            long previousId = previous.id();
            timeline.record(
                    leadId,
                    ActivityType.LINKED,
                    null,
                    "Returning visitor: earlier lead " + previous.reference() + " has the same email");
            timeline.record(
                    previousId, ActivityType.LINKED, null, "Same visitor came back with lead " + lead.reference());
            var owner = previous.assigneeId() == null ? null : team.member(previous.assigneeId());
            if (owner != null && owner.active()) {
                team.assigned(owner.id());
                return new RoutingDecision(
                        owner.id(),
                        owner.fullName(),
                        "Returning visitor: earlier lead " + previous.reference() + " is with " + owner.fullName()
                                + " → " + owner.fullName());
            }
            prefix = "Returning visitor: earlier lead " + previous.reference()
                    + (owner == null ? " has no owner; " : " is with " + owner.fullName() + ", no longer active; ");
        }
        // Newcomers join the rotation level with the others (their baseline), once and for good.
        for (var rep : team.reps()) {
            if (!rep.inRotation()) {
                members.save(new RoutingMember(rep.id(), rep.turnsTaken()));
                team.joined(rep.id());
            }
        }
        var choice = choose(lead.stack(), team.reps());
        takeTurn(choice, leadId, team, now);
        return choice.decision(prefix);
    }

    /**
     * Decides who takes over a lead from {@code currentOwner} (its first response is overdue): the
     * same rules as for a new lead among everyone else, without the returning-visitor rule (the
     * visitor's owner is the one who did not answer). No rotation turn is taken: a lead has one
     * turn, taken when it arrived (round robin counts arrivals; the new owner's load counts the
     * lead from now on). The caller holds the rotation's lock and the {@link #team} it loaded then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    RoutingDecision routeAwayFrom(LeadRouting.LeadToRoute lead, long currentOwner, Team team) {
        var others = team.reps().stream().filter(r -> r.id() != currentOwner).toList();
        return choose(lead.stack(), others).decision("");
    }

    private void takeTurn(RoutingPolicy.Choice choice, long leadId, Team team, Instant now) {
        if (choice.chosen() == null) {
            return;
        }
        var chosen = choice.chosen();
        // the caller holds the row's lock (lockRotation); this reads the row, it does not lock again
        var rotation = rotations
                .findById(RoutingRotation.LEADS)
                .orElseThrow(() -> new IllegalStateException("routing_rotation row missing"));
        long turn = rotation.takeTurn();
        var member = members.findById(chosen.id()).orElseThrow();
        member.took(turn);
        turns.save(new RoutingTurn(turn, leadId, chosen.id(), properties.strategy(), now));
        team.tookTurn(chosen.id(), turn);
    }

    /**
     * The team during one batch of routing: each staff member's load and turns, updated in memory
     * as leads are assigned, so a batch reads them from the database once. Its staff members are
     * read-only copies (their skills are loaded with them).
     */
    static final class Team {

        private final Map<Long, Rep> reps = new LinkedHashMap<>();

        private Team(List<Rep> reps) {
            reps.forEach(rep -> this.reps.put(rep.id(), rep));
        }

        List<Rep> reps() {
            return List.copyOf(reps.values());
        }

        @Nullable
        StaffProfile member(long staffId) {
            var rep = reps.get(staffId);
            return rep == null ? null : rep.member();
        }

        /** The staff member got one more open lead. */
        void assigned(long staffId) {
            reps.computeIfPresent(
                    staffId, (id, r) -> r.with(r.openLeads() + 1, r.turnsTaken(), r.lastTurn(), r.inRotation()));
        }

        void joined(long staffId) {
            reps.computeIfPresent(staffId, (id, r) -> r.with(r.openLeads(), r.turnsTaken(), r.lastTurn(), true));
        }

        /** The staff member took the rotation's turn {@code turn} and with it one more open lead. */
        void tookTurn(long staffId, long turn) {
            reps.computeIfPresent(staffId, (id, r) -> r.with(r.openLeads() + 1, r.turnsTaken() + 1, turn, true));
        }
    }

    private List<Rep> reps(Instant now) {
        var everyone = staff.everyone();
        var ids = everyone.stream().map(StaffProfile::id).toList();
        var open = loads.openLeadsPerAssignee(ids);
        // Out-of-office periods are whole days in the clock's zone (UTC), as the staff admin enters them.
        var away = staff.outOfOfficeOn(LocalDate.ofInstant(now, clock.getZone()));
        Map<Long, RoutingMember> rotation =
                members.findAll().stream().collect(Collectors.toMap(RoutingMember::getStaffId, m -> m));
        // Someone new to the rotation starts level with the others instead of catching up on every turn.
        long baseline = everyone.stream()
                .filter(m -> m.active() && m.role() != Role.ADMIN)
                .map(m -> rotation.get(m.id()))
                .filter(Objects::nonNull)
                .mapToLong(RoutingMember::getTurnsTaken)
                .min()
                .orElse(0);
        var reps = new ArrayList<Rep>();
        for (var m : everyone) {
            var id = m.id();
            var place = rotation.get(id);
            reps.add(new Rep(
                    m,
                    away.contains(id),
                    open.getOrDefault(id, 0L),
                    place == null ? baseline : place.getTurnsTaken(),
                    place == null ? 0 : place.getLastTurn(),
                    place != null));
        }
        return reps;
    }

    private RoutingPolicy.Choice choose(StackLeaning stack, List<Rep> reps) {
        return new RoutingPolicy(properties.strategy(), properties.weighted())
                .choose(stack, reps.stream().map(Rep::candidate).toList());
    }

    private record Rep(
            StaffProfile member, boolean away, long openLeads, long turnsTaken, long lastTurn, boolean inRotation) {

        Rep with(long openLeads, long turnsTaken, long lastTurn, boolean inRotation) {
            return new Rep(member, away, openLeads, turnsTaken, lastTurn, inRotation);
        }

        RoutingPolicy.Candidate candidate() {
            return new RoutingPolicy.Candidate(member, away, openLeads, turnsTaken, lastTurn);
        }

        long id() {
            return member.id();
        }

        String name() {
            return member.fullName();
        }
    }
}
