package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Plurals;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.lead.internal.Leads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One change to many leads from the grid: a new status, a new owner (managers), or taking
 * unassigned leads (reps). Each lead is changed as {@link LeadWork} changes one, with the same
 * checks and the same timeline entry; a lead someone else changed since the caller read it, or
 * one the caller may not change, is reported and left alone while the others are changed.
 *
 * <p>The leads go in batches of {@link #BATCH}, one transaction each, so a change to thousands of
 * leads never holds one long transaction (or every lead's row lock) and reports progress as it
 * goes. At most {@link #LIMIT} leads are changed at once.
 */
@Service
public class LeadBulkWork {

    /** Leads per transaction. */
    static final int BATCH = 200;

    /** Most leads one bulk change takes; more must be narrowed by a filter first. */
    public static final int LIMIT = 10_000;

    private final Leads leads;
    private final LeadWork work;
    private final LeadSearch search;
    private final AssigneeNames names;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;

    LeadBulkWork(
            Leads leads,
            LeadWork work,
            LeadSearch search,
            AssigneeNames names,
            CurrentUser currentUser,
            TransactionTemplate transactions) {
        this.leads = leads;
        this.work = work;
        this.search = search;
        this.names = names;
        this.currentUser = currentUser;
        this.transactions = transactions;
    }

    /**
     * Moves each lead to {@code target} (LOST needs a reason). Sales reps change only their own
     * leads; the others are reported.
     */
    @PreAuthorize("hasRole('SALES')")
    public BulkChange.Result changeStatus(
            BulkChange leadsToChange, LeadStatus target, @Nullable String lostReason, BulkChange.Progress progress) {
        var user = currentUser.require();
        if (target == LeadStatus.LOST && (lostReason == null || lostReason.isBlank())) {
            throw new IllegalLeadChange("Say why the leads were lost.");
        }
        return apply(leadsToChange, progress, lead -> {
            LeadWork.requireCanWork(lead, user);
            if (lead.getStatus() == target) {
                return false;
            }
            work.moveTo(lead, target, lostReason, null, user);
            return true;
        });
    }

    /** A manager gives each lead to {@code staffId}, or with null back to the unassigned pile. */
    @PreAuthorize("hasRole('MANAGER')")
    public BulkChange.Result reassign(BulkChange leadsToChange, @Nullable Long staffId, BulkChange.Progress progress) {
        var user = currentUser.require();
        if (!user.isManager()) {
            throw new AccessDeniedException("Only managers reassign leads.");
        }
        if (staffId != null && !names.mayOwnLeads(staffId)) {
            throw new IllegalLeadChange("Leads go only to active staff who may hold leads.");
        }
        String reason = staffId == null ? "Unassigned by " + user.fullName() : "Reassigned by " + user.fullName();
        return apply(leadsToChange, progress, lead -> {
            if (Objects.equals(lead.getAssigneeId(), staffId)) {
                return false;
            }
            work.reassignTo(lead, staffId, reason, user);
            return true;
        });
    }

    /** The caller takes each unassigned lead; a lead someone already holds is reported. */
    @PreAuthorize("hasRole('SALES')")
    public BulkChange.Result take(BulkChange leadsToChange, BulkChange.Progress progress) {
        var user = currentUser.require();
        return apply(leadsToChange, progress, lead -> {
            if (Objects.equals(lead.getAssigneeId(), user.staffId())) {
                return false;
            }
            if (lead.getAssigneeId() != null) {
                throw new AccessDeniedException("already assigned to " + names.nameOf(lead.getAssigneeId()));
            }
            work.reassignTo(lead, user.staffId(), "Taken by " + user.fullName(), user);
            return true;
        });
    }

    /** How many leads a change to "all matching" this filter would take, within what the caller sees. */
    @PreAuthorize("hasRole('SALES')")
    public long count(LeadFilter filter) {
        return search.count(filter);
    }

    /** A change to one lead: true when it changed it, false when the lead was already so; throws to skip it. */
    private interface Change {
        boolean apply(Lead lead);
    }

    private BulkChange.Result apply(BulkChange which, BulkChange.Progress progress, Change change) {
        var targets = targets(which);
        var user = currentUser.require();
        var outcome = new Outcome();
        for (int from = 0; from < targets.size(); from += BATCH) {
            var batch = targets.subList(from, Math.min(targets.size(), from + BATCH));
            try {
                var batchOutcome = Objects.requireNonNull(transactions.execute(tx -> applyTo(batch, change, user)));
                outcome.add(batchOutcome);
            } catch (LeadChangedMeanwhile | ObjectOptimisticLockingFailureException raced) {
                // someone saved one of these leads between our read and our write: the batch was
                // rolled back whole, so each of its leads goes again on its own
                for (var one : batch) {
                    try {
                        outcome.add(Objects.requireNonNull(
                                transactions.execute(tx -> applyTo(List.of(one), change, user))));
                    } catch (LeadChangedMeanwhile | ObjectOptimisticLockingFailureException again) {
                        outcome.skipped.add(new BulkChange.Skipped(referenceOf(one.id()), changedMeanwhile()));
                    }
                }
            }
            progress.update(Math.min(targets.size(), from + BATCH), targets.size());
        }
        return new BulkChange.Result(outcome.changed, outcome.unchanged, outcome.skipped);
    }

    private List<LeadVersion> targets(BulkChange which) {
        var targets =
                switch (which) {
                    case BulkChange.Rows rows -> rows.leads();
                    case BulkChange.Matching matching -> {
                        var found = search.matchingVersions(matching.filter(), LIMIT + 1);
                        if (found.size() > LIMIT) {
                            throw new IllegalLeadChange("A bulk change takes at most " + Plurals.count(LIMIT, "lead")
                                    + " at a time; " + Plurals.count(search.count(matching.filter()), "lead")
                                    + " match. Narrow the filter first.");
                        }
                        yield found;
                    }
                };
        if (targets.size() > LIMIT) {
            throw new IllegalLeadChange("A bulk change takes at most " + Plurals.count(LIMIT, "lead") + " at a time.");
        }
        // one order for everyone: two bulk changes over the same leads lock them in the same order
        return targets.stream()
                .collect(Collectors.toMap(LeadVersion::id, Function.identity(), (a, b) -> a))
                .values()
                .stream()
                .sorted(Comparator.comparingLong(LeadVersion::id))
                .toList();
    }

    private Outcome applyTo(List<LeadVersion> batch, Change change, StaffPrincipal user) {
        Map<Long, Lead> found = leads
                .findAllById(batch.stream().map(LeadVersion::id).toList())
                .stream()
                .collect(Collectors.toMap(Lead::getId, Function.identity()));
        var outcome = new Outcome();
        for (var target : batch) {
            var lead = found.get(target.id());
            if (lead == null) {
                outcome.skipped.add(new BulkChange.Skipped("#" + target.id(), "no longer there"));
                continue;
            }
            if (!user.isManager() && lead.getAssigneeId() != null && lead.getAssigneeId() != user.staffId()) {
                outcome.skipped.add(new BulkChange.Skipped(lead.getReference(), "belongs to another rep"));
                continue;
            }
            if (lead.getVersion() != target.version()) {
                outcome.skipped.add(new BulkChange.Skipped(lead.getReference(), changedMeanwhile()));
                continue;
            }
            try {
                if (change.apply(lead)) {
                    outcome.changed++;
                } else {
                    outcome.unchanged++;
                }
            } catch (IllegalLeadChange | AccessDeniedException refused) {
                outcome.skipped.add(new BulkChange.Skipped(lead.getReference(), reason(refused.getMessage())));
            }
        }
        leads.flush();
        return outcome;
    }

    private static String changedMeanwhile() {
        return "changed by someone else since you loaded the list";
    }

    private static String reason(@Nullable String message) {
        if (message == null || message.isEmpty()) {
            return "not allowed";
        }
        var text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private String referenceOf(long id) {
        return leads.findById(id).map(Lead::getReference).orElse("#" + id);
    }

    private static final class Outcome {
        int changed;
        int unchanged;
        final List<BulkChange.Skipped> skipped = new ArrayList<>();

        void add(Outcome other) {
            changed += other.changed;
            unchanged += other.unchanged;
            skipped.addAll(other.skipped);
        }
    }
}
