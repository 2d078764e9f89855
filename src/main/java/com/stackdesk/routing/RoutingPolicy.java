package com.stackdesk.routing;

import com.stackdesk.base.Plurals;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The choice of a rep for a new lead, with its reason in plain words: the first tier with someone
 * available (the lead's skill, then generalists, then everyone in sales; admins and inactive
 * accounts never), skipping reps out of office or at capacity, then the fairest by the {@link
 * RoutingStrategy} (open leads or turns taken, per unit of weight when weights differ), ties to
 * whoever was assigned least recently, then the lower id. A pure decision: plain values in, plain
 * values out; {@link LeadRouter} reads the values and records the outcome.
 */
final class RoutingPolicy {

    private final RoutingStrategy strategy;
    private final boolean weighted;

    /** @param weighted whether the reps' weights count (they do only when they differ among those available) */
    RoutingPolicy(RoutingStrategy strategy, boolean weighted) {
        this.strategy = strategy;
        this.weighted = weighted;
    }

    /**
     * A staff member as the policy weighs them.
     *
     * @param openLeads their open leads now
     * @param turnsTaken their turns in the round-robin rotation
     * @param lastTurn the number of their latest turn (0 if none): lower means assigned less recently
     */
    record Candidate(StaffProfile member, boolean outOfOffice, long openLeads, long turnsTaken, long lastTurn) {

        long id() {
            return member.id();
        }

        String name() {
            return member.fullName();
        }
    }

    Choice choose(StackLeaning stack, List<Candidate> reps) {
        var workers = reps.stream()
                .filter(r -> r.member().active() && r.member().role() != Role.ADMIN)
                .toList();
        var tiers = new ArrayList<Tier>();
        if (stack.isSpecific()) {
            tiers.add(
                    new Tier(stack.label() + " skill", r -> r.member().skills().contains(stack)));
        }
        tiers.add(new Tier("generalists", r -> r.member().generalist()));
        tiers.add(new Tier("everyone in sales", r -> r.member().role() == Role.SALES));

        var parts = new ArrayList<String>();
        if (!stack.isSpecific()) {
            parts.add(stack.label() + ": no skill to match");
        }
        Set<Long> considered = new HashSet<>();
        for (var tier : tiers) {
            var inTier = workers.stream()
                    .filter(tier.test())
                    .filter(r -> !considered.contains(r.id()))
                    .toList();
            if (inTier.isEmpty()) {
                parts.add(
                        considered.isEmpty() && tier == tiers.getFirst() && stack.isSpecific()
                                ? "no one has the " + tier.label()
                                : "no " + (tier.label().startsWith("everyone") ? "one else in sales" : tier.label()));
                continue;
            }
            inTier.forEach(r -> considered.add(r.id()));
            parts.add(tier.label() + ": " + names(inTier));
            var available = new ArrayList<Candidate>();
            for (var rep : inTier) {
                if (rep.outOfOffice()) {
                    parts.add(rep.name() + " out of office");
                } else if (rep.openLeads() >= rep.member().capacity()) {
                    parts.add(rep.name() + " at capacity (" + openLeads(rep.openLeads()) + ")");
                } else {
                    available.add(rep);
                }
            }
            if (!available.isEmpty()) {
                return pick(available, parts);
            }
            parts.add("nobody available");
        }
        return new Choice(null, parts, List.of());
    }

    private Choice pick(List<Candidate> available, List<String> parts) {
        boolean weighted = this.weighted
                && available.stream().map(r -> r.member().weight()).distinct().count() > 1;
        Comparator<Candidate> fairness =
                switch (strategy) {
                    case LEAST_LOADED ->
                        (a, b) ->
                                Long.compare(a.openLeads() * weight(b, weighted), b.openLeads() * weight(a, weighted));
                    case ROUND_ROBIN ->
                        (a, b) -> Long.compare(
                                a.turnsTaken() * weight(b, weighted), b.turnsTaken() * weight(a, weighted));
                };
        var ordered = available.stream()
                .sorted(fairness.thenComparingLong(Candidate::lastTurn).thenComparingLong(Candidate::id))
                .toList();
        var chosen = ordered.getFirst();
        if (available.size() > 1) {
            var suffix = weighted
                    ? " (weights "
                            + ordered.stream()
                                    .map(r -> r.name() + " " + r.member().weight())
                                    .collect(Collectors.joining(", "))
                            + ")"
                    : "";
            parts.add(
                    switch (strategy) {
                        case LEAST_LOADED ->
                            chosen.name() + " has " + openLeads(chosen.openLeads())
                                    + ordered.stream()
                                            .skip(1)
                                            .map(r -> ", " + r.name() + " " + r.openLeads())
                                            .collect(Collectors.joining())
                                    + suffix;
                        case ROUND_ROBIN ->
                            "round robin: " + chosen.name() + "'s turn (" + chosen.turnsTaken() + " taken"
                                    + ordered.stream()
                                            .skip(1)
                                            .map(r -> ", " + r.name() + " " + r.turnsTaken())
                                            .collect(Collectors.joining())
                                    + ")" + suffix;
                    });
        }
        return new Choice(chosen, parts, ordered);
    }

    private static long weight(Candidate rep, boolean weighted) {
        return weighted ? Math.max(1, rep.member().weight()) : 1;
    }

    private static String openLeads(long n) {
        return Plurals.count(n, "open lead");
    }

    private static String names(List<Candidate> reps) {
        return reps.stream().map(Candidate::name).collect(Collectors.joining(", "));
    }

    private record Tier(String label, Predicate<Candidate> test) {}

    /**
     * The chosen rep (null when nobody fits), each step of the reasoning in plain words, and
     * everyone who was available in the chosen rep's tier, fairest first (the chosen one first).
     */
    record Choice(@Nullable Candidate chosen, List<String> parts, List<Candidate> available) {

        RoutingDecision decision(String prefix) {
            var because = prefix + String.join("; ", parts);
            return chosen == null
                    ? new RoutingDecision(null, null, because + " → nobody available, queued for managers")
                    : new RoutingDecision(chosen.id(), chosen.name(), because + " → " + chosen.name());
        }
    }
}
