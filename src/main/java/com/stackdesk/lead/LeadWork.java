package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.lead.internal.Leads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do to a lead: open it, move it through the pipeline, write notes, log contact, take
 * or reassign it. Each change is checked against who is asking (sales reps work only their own
 * leads and may take unassigned ones; managers and admins work all), refused when someone else
 * saved the lead after the caller loaded it, and written to the lead's timeline with old and new
 * value.
 */
@Service
public class LeadWork {

    private final Leads leads;
    private final LeadTimeline timeline;
    private final LeadSearchIndex searchIndex;
    private final AssigneeNames names;
    private final LostReasons lostReasons;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    LeadWork(
            Leads leads,
            LeadTimeline timeline,
            LeadSearchIndex searchIndex,
            AssigneeNames names,
            LostReasons lostReasons,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.leads = leads;
        this.timeline = timeline;
        this.searchIndex = searchIndex;
        this.names = names;
        this.lostReasons = lostReasons;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The lead, if the caller may see it (sales reps: their own and unassigned ones). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Lead open(String reference) {
        var lead = find(reference);
        requireCanSee(lead, currentUser.require());
        return lead;
    }

    /** Refuses the caller unless they may see the lead with this id (for other modules' lead data). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public void requireCanSee(long leadId) {
        var lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFound("#" + leadId));
        requireCanSee(lead, currentUser.require());
    }

    /** The lead's timeline, oldest first, if the caller may see the lead. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<LeadActivity> timelineOf(String reference) {
        var lead = open(reference);
        return timeline.of(Objects.requireNonNull(lead.getId()));
    }

    /**
     * Moves the lead along the pipeline (one step forward or back, or LOST with a reason), with an
     * optional note. A lost reason that names one of {@link LostReasons#labels()} counts under it,
     * any other text under "Other". The first move out of NEW records the first response.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead changeStatus(
            String reference,
            long expectedVersion,
            LeadStatus target,
            @Nullable String lostReason,
            @Nullable String note) {
        var user = currentUser.require();
        var lead = loadForWork(reference, expectedVersion, user);
        moveTo(lead, target, lostReason, note, user);
        return save(lead);
    }

    /**
     * Moves the lead and writes the move (and the note, once) on its timeline; the caller saves it.
     * One path for a single change, a bulk change ({@link LeadBulkWork}) and a logged contact that
     * moves the lead along.
     */
    void moveTo(Lead lead, LeadStatus target, @Nullable String lostReason, @Nullable String note, StaffPrincipal user) {
        var before = lead.getStatus();
        var label = target == LeadStatus.LOST && lostReason != null && !lostReason.isBlank()
                ? lostReasons.labelFor(lostReason)
                : null;
        boolean firstResponse = lead.moveTo(target, lostReason, label, clock.instant());
        timeline.recordChange(
                Objects.requireNonNull(lead.getId()),
                ActivityType.STATUS_CHANGED,
                user.username(),
                "Status " + before.label() + " → " + target.label()
                        + (target == before.previous() ? " (one step back)" : "")
                        + (target == LeadStatus.LOST ? " (reason: " + lead.getLostReason() + ")" : ""),
                "status",
                before.name(),
                target.name());
        recordFirstResponseIfNow(lead, firstResponse);
        if (note != null && !note.isBlank()) {
            timeline.record(Objects.requireNonNull(lead.getId()), ActivityType.NOTE, user.username(), note.strip());
        }
    }

    /** Adds a note to the timeline; notes never conflict with other changes. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public LeadActivity addNote(String reference, String text) {
        if (text.isBlank()) {
            throw new IllegalLeadChange("A note needs some text.");
        }
        var user = currentUser.require();
        var lead = find(reference);
        requireCanWork(lead, user);
        return timeline.record(Objects.requireNonNull(lead.getId()), ActivityType.NOTE, user.username(), text.strip());
    }

    /** Logs a call, email or meeting with the visitor; the first one records the first response. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead logContact(String reference, long expectedVersion, String summary) {
        return logContact(reference, expectedVersion, null, summary, null);
    }

    /**
     * Logs a call, email or meeting ({@code kind}, null when unsaid) and, with {@code moveTo}, moves
     * the lead along in the same step ("called, left a voicemail" and New → Contacted). The first
     * logged contact records the first response. Lost needs its reason: see {@link #changeStatus}.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead logContact(
            String reference,
            long expectedVersion,
            @Nullable ContactKind kind,
            String summary,
            @Nullable LeadStatus moveTo) {
        if (summary.isBlank()) {
            throw new IllegalLeadChange("Say how you contacted the visitor.");
        }
        if (moveTo == LeadStatus.LOST) {
            throw new IllegalLeadChange("Move a lead to Lost with its reason, under Status.");
        }
        var user = currentUser.require();
        var lead = loadForWork(reference, expectedVersion, user);
        if (moveTo != null && !lead.getStatus().canMoveTo(moveTo)) {
            throw new IllegalLeadChange(
                    "A lead can't go from " + lead.getStatus().label() + " to " + moveTo.label() + ". Allowed: "
                            + lead.getStatus().allowedNextLabels() + ".");
        }
        timeline.record(
                Objects.requireNonNull(lead.getId()),
                ActivityType.CONTACT_LOGGED,
                user.username(),
                (kind == null ? "" : kind.label() + ": ") + summary.strip());
        boolean first = lead.recordFirstResponse(clock.instant());
        recordFirstResponseIfNow(lead, first);
        if (moveTo != null) {
            moveTo(lead, moveTo, null, null, user);
        }
        return save(lead);
    }

    /** A sales rep takes an unassigned lead for themselves. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead take(String reference, long expectedVersion) {
        var user = currentUser.require();
        var lead = find(reference);
        requireVersion(lead, expectedVersion);
        if (lead.getAssigneeId() != null && lead.getAssigneeId() != user.staffId()) {
            throw new AccessDeniedException(
                    "This lead is already assigned to " + names.nameOf(lead.getAssigneeId()) + ".");
        }
        return reassignTo(lead, user.staffId(), "Taken by " + user.fullName(), user);
    }

    /** A manager gives the lead to someone else, or (with null) back to the unassigned pile. */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public Lead reassign(String reference, long expectedVersion, @Nullable Long staffId) {
        var user = currentUser.require();
        if (!user.isManager()) {
            throw new AccessDeniedException("Only managers reassign leads.");
        }
        if (staffId != null && !names.mayOwnLeads(staffId)) {
            throw new IllegalLeadChange("Leads go only to active staff who may hold leads.");
        }
        var lead = find(reference);
        requireVersion(lead, expectedVersion);
        return reassignTo(
                lead,
                staffId,
                staffId == null ? "Unassigned by " + user.fullName() : "Reassigned by " + user.fullName(),
                user);
    }

    /** Corrects phone and company; each changed field is recorded with its old and new value. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead changeContact(
            String reference, long expectedVersion, @Nullable String phone, @Nullable String company) {
        var user = currentUser.require();
        var lead = loadForWork(reference, expectedVersion, user);
        var newPhone = blankToNull(phone);
        var newCompany = blankToNull(company);
        long id = Objects.requireNonNull(lead.getId());
        if (!Objects.equals(lead.getPhone(), newPhone)) {
            timeline.recordChange(
                    id, ActivityType.CHANGED, user.username(), "Phone changed", "phone", lead.getPhone(), newPhone);
        }
        if (!Objects.equals(lead.getCompany(), newCompany)) {
            timeline.recordChange(
                    id,
                    ActivityType.CHANGED,
                    user.username(),
                    "Company changed",
                    "company",
                    lead.getCompany(),
                    newCompany);
        }
        lead.changeContact(newPhone, newCompany);
        var saved = save(lead);
        searchIndex.replace(saved);
        return saved;
    }

    /**
     * Sets the lead's next step ("Send proposal", due Friday 10:00), replacing the one before; the
     * timeline records it. Refuses an empty or over-long text and a time in the past.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead setFollowUp(String reference, String text, Instant dueAt) {
        var what = text.strip();
        if (what.isEmpty()) {
            throw new IllegalLeadChange("Say what the next step is.");
        }
        if (what.length() > LeadLimits.FOLLOW_UP) {
            throw new IllegalLeadChange("Keep the next step under " + LeadLimits.FOLLOW_UP + " characters.");
        }
        if (!dueAt.isAfter(clock.instant())) {
            throw new IllegalLeadChange("Pick a time in the future for the next step.");
        }
        var user = currentUser.require();
        var lead = find(reference);
        requireCanWork(lead, user);
        var before = describeFollowUp(lead);
        lead.followUp(what, dueAt);
        var after = describeFollowUp(lead);
        timeline.recordChange(
                Objects.requireNonNull(lead.getId()),
                ActivityType.FOLLOW_UP,
                user.username(),
                "Next step: " + after,
                "follow_up",
                before,
                after);
        return save(lead);
    }

    /** Moves the lead's next step to {@code until} (snooze); the lead needs a next step. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead snoozeFollowUp(String reference, Instant until) {
        var lead = find(reference);
        if (lead.getFollowUpText() == null) {
            throw new IllegalLeadChange("Lead " + reference + " has no next step to snooze.");
        }
        return setFollowUp(reference, lead.getFollowUpText(), until);
    }

    /** Marks the lead's next step done: it leaves Today and the filters; the timeline records it. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public Lead completeFollowUp(String reference) {
        var user = currentUser.require();
        var lead = find(reference);
        requireCanWork(lead, user);
        var before = describeFollowUp(lead);
        if (before == null) {
            throw new IllegalLeadChange("Lead " + reference + " has no next step.");
        }
        lead.followUp(null, null);
        timeline.recordChange(
                Objects.requireNonNull(lead.getId()),
                ActivityType.FOLLOW_UP,
                user.username(),
                "Next step done: " + before,
                "follow_up",
                before,
                null);
        return save(lead);
    }

    private @Nullable String describeFollowUp(Lead lead) {
        return lead.getFollowUpText() == null
                ? null
                : lead.getFollowUpText() + " (due " + Times.dateTime(lead.getFollowUpAt(), currentUser.zone()) + ")";
    }

    /** Whether the signed-in user may change this lead (not just look at it). */
    @PreAuthorize("hasRole('SALES')")
    public boolean canWork(Lead lead) {
        var user = currentUser.require();
        return user.isManager() || Objects.equals(lead.getAssigneeId(), user.staffId());
    }

    /** Gives the lead to {@code staffId}, on the timeline and with its event; unchanged if it is theirs. */
    Lead reassignTo(Lead lead, @Nullable Long staffId, String reason, StaffPrincipal user) {
        var before = lead.getAssigneeId();
        if (Objects.equals(before, staffId)) {
            return lead;
        }
        lead.assign(staffId, reason);
        var oldName = before == null ? null : names.nameOf(before);
        var newName = staffId == null ? null : names.nameOf(staffId);
        timeline.recordChange(
                Objects.requireNonNull(lead.getId()),
                ActivityType.ASSIGNED,
                user.username(),
                newName == null ? reason : "Assigned to " + newName + " (" + reason.toLowerCase() + ")",
                "assignee",
                oldName,
                newName);
        var saved = save(lead);
        // the new owner's alert (notification module) goes out from this event, once per change
        events.publishEvent(new LeadReassigned(
                Objects.requireNonNull(lead.getId()),
                staffId,
                before,
                user.username(),
                reason,
                Objects.equals(staffId, user.staffId())));
        return saved;
    }

    private void recordFirstResponseIfNow(Lead lead, boolean recordedNow) {
        var at = lead.getFirstResponseAt();
        if (recordedNow && at != null) {
            // answered: no reminder or alert follows
            leads.endDeadline(Objects.requireNonNull(lead.getId()));
            timeline.record(
                    Objects.requireNonNull(lead.getId()),
                    ActivityType.CHANGED,
                    currentUser.actorName(),
                    "First response after " + Times.duration(Duration.between(lead.getCreatedAt(), at)));
        }
    }

    private Lead loadForWork(String reference, long expectedVersion, StaffPrincipal user) {
        var lead = find(reference);
        requireCanWork(lead, user);
        requireVersion(lead, expectedVersion);
        return lead;
    }

    private Lead find(String reference) {
        return leads.findByReference(reference).orElseThrow(() -> new LeadNotFound(reference));
    }

    private static void requireCanSee(Lead lead, StaffPrincipal user) {
        if (!user.isManager() && lead.getAssigneeId() != null && lead.getAssigneeId() != user.staffId()) {
            throw new AccessDeniedException("Lead " + lead.getReference() + " belongs to another rep.");
        }
    }

    static void requireCanWork(Lead lead, StaffPrincipal user) {
        if (!user.isManager() && !Objects.equals(lead.getAssigneeId(), user.staffId())) {
            throw new AccessDeniedException(
                    lead.getAssigneeId() == null
                            ? "Take lead " + lead.getReference() + " before working on it."
                            : "Lead " + lead.getReference() + " belongs to another rep.");
        }
    }

    private void requireVersion(Lead lead, long expectedVersion) {
        if (lead.getVersion() != expectedVersion) {
            var last = timeline.of(Objects.requireNonNull(lead.getId())).stream()
                    .filter(a -> a.getActor() != null)
                    .reduce((first, second) -> second);
            throw new LeadChangedMeanwhile(
                    last.map(LeadActivity::getActor).orElse(null),
                    last.map(LeadActivity::getOccurredAt).orElse(null));
        }
    }

    /** Flushes now so a concurrent save surfaces here as a conflict rather than at commit. */
    private Lead save(Lead lead) {
        try {
            return leads.saveAndFlush(lead);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new LeadChangedMeanwhile(null, null);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
