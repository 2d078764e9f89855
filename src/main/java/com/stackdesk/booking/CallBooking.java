package com.stackdesk.booking;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.booking.internal.BookedCalls;
import com.stackdesk.booking.internal.CallSchedules;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadCalls;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLookup;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.notification.CallMail;
import com.stackdesk.notification.EmailKind;
import com.stackdesk.routing.LeadRouter;
import com.stackdesk.staff.StaffAbsence;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking the consultation call. The visitor, who has no account, acts through signed links: the
 * thank-you page's link books a call for their lead (with its owner, or with a rep who may take a
 * lead nobody owns, who then owns it), the emailed links reschedule or cancel it. Each change sends
 * both people an email with the calendar file (same UID, higher SEQUENCE) through the outbox. Staff
 * read a lead's call and a rep's booked calls.
 *
 * <p>A slot is taken once: the database refuses a second booked call of a rep at the same start
 * (and a second booked call of a lead), so of two visitors racing for one slot one gets it and the
 * other hears it was just taken.
 */
@Service
public class CallBooking {

    private static final Logger log = LoggerFactory.getLogger(CallBooking.class);

    private final BookedCalls calls;
    private final CallSchedules schedules;
    private final CallHours hours;
    private final StaffLookup staff;
    private final LeadLookup leads;
    private final LeadCalls leadCalls;
    private final LeadWork leadWork;
    private final LeadTimeline timeline;
    private final LeadRouter router;
    private final CallMail mail;
    private final CallLinks links;
    private final CurrentUser currentUser;
    private final BookingProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    CallBooking(
            BookedCalls calls,
            CallSchedules schedules,
            CallHours hours,
            StaffLookup staff,
            LeadLookup leads,
            LeadCalls leadCalls,
            LeadWork leadWork,
            LeadTimeline timeline,
            LeadRouter router,
            CallMail mail,
            CallLinks links,
            CurrentUser currentUser,
            BookingProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.calls = calls;
        this.schedules = schedules;
        this.hours = hours;
        this.staff = staff;
        this.leads = leads;
        this.leadCalls = leadCalls;
        this.leadWork = leadWork;
        this.timeline = timeline;
        this.router = router;
        this.mail = mail;
        this.links = links;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What a visitor's link offers. */
    public sealed interface Offer {

        /** The link is forged, expired, for something else or out of date; nothing to offer. */
        record Invalid(String message) implements Offer {}

        /** Routing is still choosing the lead's owner (a moment after the submission): ask again. */
        record Waiting() implements Offer {}

        /** The lead has its call already. */
        record Booked(CallDetails call) implements Offer {}

        /**
         * Free slots to pick from, earliest first (none when nobody has free call hours).
         *
         * @param repNames the names of the reps in {@code slots}
         * @param visitorZone the visitor's time zone from their request, if they gave a valid one
         * @param current the call being rescheduled, or null when booking
         */
        record Open(
                List<Slot> slots,
                Map<Long, String> repNames,
                @Nullable ZoneId visitorZone,
                @Nullable CallDetails current)
                implements Offer {}
    }

    /** How a booking, reschedule or cancellation went. */
    public sealed interface Outcome {

        record Done(CallDetails call) implements Outcome {}

        /** The slot was taken meanwhile (or is no longer free): pick another. */
        record Taken(String message) implements Outcome {}

        /** Refused for a reason the visitor can read; nothing changed. */
        record Refused(String message) implements Outcome {}
    }

    static final String INVALID_LINK =
            "This link is not valid (any more). Use the links in the latest email about your call, or write to us.";
    static final String TAKEN = "That time was just taken. Please pick another.";

    // ------------------------------------------------------------------------------- the visitor

    /**
     * The token of the thank-you page's booking link for the consultation request just stored under
     * {@code reference}; empty for other requests. System code only (the intake form after storing).
     */
    @PreAuthorize("permitAll()")
    public Optional<String> bookingToken(String reference) {
        return leads.byReference(reference)
                .filter(l -> l.getKind() == LeadKind.CONSULTATION && !l.isSuspectedSpam())
                .map(l -> links.issue(
                        CallLinks.Purpose.BOOK,
                        Objects.requireNonNull(l.getId()),
                        0,
                        clock.instant().plus(properties.offerValidity())));
    }

    /** The free slots a booking link offers: its lead owner's, or those of any rep who may take it. */
    @PreAuthorize("permitAll()")
    public Offer offer(String token) {
        var claim = links.check(token, CallLinks.Purpose.BOOK);
        if (claim.isEmpty()) {
            return new Offer.Invalid(INVALID_LINK);
        }
        return Objects.requireNonNull(readOnly.execute(s -> {
            var lead = leads.byId(claim.get().id());
            var existing = calls.findByActiveLeadId(claim.get().id());
            if (existing.isPresent()) {
                return new Offer.Booked(details(existing.get(), lead));
            }
            if (lead.isRoutingPending()) {
                return new Offer.Waiting();
            }
            var slots = freeSlots(candidates(lead), clock.instant());
            return new Offer.Open(slots, names(slots), zoneOf(lead.getVisitorTimeZone()), null);
        }));
    }

    /** Books {@code slot} for the link's lead, the time shown to the visitor in {@code visitorZone}. */
    @PreAuthorize("permitAll()")
    public Outcome book(String token, Slot slot, ZoneId visitorZone) {
        var claim = links.check(token, CallLinks.Purpose.BOOK);
        if (claim.isEmpty()) {
            return new Outcome.Refused(INVALID_LINK);
        }
        long leadId = claim.get().id();
        return guarded(leadId, () -> {
            var now = clock.instant();
            var lead = leads.byId(leadId);
            if (calls.findByActiveLeadId(leadId).isPresent()) {
                return new Outcome.Refused(
                        "Your call is booked already: reschedule or cancel it with the links in its email.");
            }
            if (lead.isRoutingPending()) {
                return new Outcome.Refused("One moment please: we are still choosing your consultant.");
            }
            if (!candidates(lead).contains(slot.staffId())
                    || !freeSlots(List.of(slot.staffId()), now).contains(slot)) {
                return new Outcome.Taken(TAKEN);
            }
            var rep = rep(slot.staffId());
            if (lead.getAssigneeId() == null) {
                leadCalls.assignForCall(leadId, rep.id(), "The visitor booked a call with " + rep.fullName());
            }
            var call = calls.saveAndFlush(new BookedCall(
                    UUID.randomUUID() + "@stackdesk", leadId, rep.id(), slot.startsAt(), visitorZone, now));
            leadCalls.callAt(leadId, call.getStartsAt());
            timeline.record(
                    leadId,
                    ActivityType.CALL,
                    null,
                    "Call booked for " + CallDetails.when(call.getStartsAt(), ZoneOffset.UTC) + " with "
                            + rep.fullName());
            queueEmails(EmailKind.CALL_INVITATION, call, lead, rep, now);
            return new Outcome.Done(details(call, lead, rep));
        });
    }

    /** The call a reschedule link is about, with its rep's free slots. */
    @PreAuthorize("permitAll()")
    public Offer rescheduleOffer(String token) {
        return managed(token, CallLinks.Purpose.RESCHEDULE, (call, lead) -> {
            var slots = freeSlots(List.of(call.getStaffId()), clock.instant());
            var details = details(call, lead);
            return new Offer.Open(slots, names(slots), call.getVisitorZone(), details);
        });
    }

    /** The call a cancel link is about. */
    @PreAuthorize("permitAll()")
    public Offer cancelOffer(String token) {
        return managed(token, CallLinks.Purpose.CANCEL, (call, lead) -> new Offer.Booked(details(call, lead)));
    }

    /** Moves the reschedule link's call to {@code slot} (same rep). */
    @PreAuthorize("permitAll()")
    public Outcome reschedule(String token, Slot slot, ZoneId visitorZone) {
        return byLink(token, CallLinks.Purpose.RESCHEDULE, (call, now) -> {
            if (slot.staffId() != call.getStaffId()
                    || !freeSlots(List.of(call.getStaffId()), now).contains(slot)) {
                return new Outcome.Taken(TAKEN);
            }
            var before = call.getStartsAt();
            call.reschedule(slot.startsAt(), visitorZone, now);
            calls.saveAndFlush(call);
            leadCalls.callAt(call.getLeadId(), call.getStartsAt());
            var lead = leads.byId(call.getLeadId());
            var rep = rep(call.getStaffId());
            timeline.record(
                    call.getLeadId(),
                    ActivityType.CALL,
                    null,
                    "Call moved by the visitor from " + CallDetails.when(before, ZoneOffset.UTC) + " to "
                            + CallDetails.when(call.getStartsAt(), ZoneOffset.UTC));
            queueEmails(EmailKind.CALL_UPDATE, call, lead, rep, now);
            return new Outcome.Done(details(call, lead, rep));
        });
    }

    /** Cancels the cancel link's call; its slot is free again. */
    @PreAuthorize("permitAll()")
    public Outcome cancel(String token) {
        return byLink(token, CallLinks.Purpose.CANCEL, (call, now) -> {
            call.cancel(now);
            calls.saveAndFlush(call);
            leadCalls.callAt(call.getLeadId(), null);
            var lead = leads.byId(call.getLeadId());
            var rep = rep(call.getStaffId());
            timeline.record(
                    call.getLeadId(),
                    ActivityType.CALL,
                    null,
                    "Call of " + CallDetails.when(call.getStartsAt(), ZoneOffset.UTC) + " cancelled by the visitor");
            queueEmails(EmailKind.CALL_CANCELLATION, call, lead, rep, now);
            return new Outcome.Done(details(call, lead, rep));
        });
    }

    // ------------------------------------------------------------------------------------ staff

    /** The lead's latest call (booked, or cancelled if that is the last there was); for staff who may see the lead. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Optional<CallDetails> callOf(long leadId) {
        leadWork.requireCanSee(leadId);
        return calls.findFirstByLeadIdOrderByIdDesc(leadId).map(c -> details(c, leads.byId(leadId)));
    }

    /**
     * The booked calls of a rep that start in [{@code from}, {@code to}), earliest first (a range
     * scan of one index): for the rep's own pages, or a manager's.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<CallDetails> bookedCallsOf(long staffId, Instant from, Instant to) {
        var user = currentUser.require();
        if (user.staffId() != staffId && !user.isManager()) {
            throw new AccessDeniedException("Only managers see another rep's calls.");
        }
        var repName = staff.byId(staffId).map(StaffProfile::fullName).orElse("");
        return calls.bookedBetween(List.of(staffId), from, to).stream()
                .map(c -> {
                    var lead = leads.byId(c.getLeadId());
                    return CallDetails.of(c, lead.getReference(), lead.getFullName(), repName);
                })
                .toList();
    }

    // ------------------------------------------------------------------------------- reminders

    /**
     * Sends the reminders due by {@code now} (a day before each call), each exactly once: a call's
     * reminder is claimed in the database in the transaction that queues its emails, so neither a
     * second instance nor a restart sends it again. At most {@code limit} per call.
     *
     * @return how many calls were reminded of
     */
    int sendDueReminders(Instant now, int limit) {
        var due = readOnly.execute(
                s -> calls.remindersDue(Instant.EPOCH, now, org.springframework.data.domain.Limit.of(limit)));
        int sent = 0;
        for (var id : Objects.requireNonNull(due)) {
            Boolean done = tx.execute(s -> {
                if (calls.claimReminder(id, now) == 0) {
                    return false; // another instance reminded of it meanwhile
                }
                var call = calls.findById(id).orElseThrow();
                queueEmails(EmailKind.CALL_REMINDER, call, leads.byId(call.getLeadId()), rep(call.getStaffId()), now);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    // --------------------------------------------------------------------------------- helpers

    /** Who may hold the lead's call: its owner, or when nobody owns it whoever routing would accept. */
    private List<Long> candidates(Lead lead) {
        if (lead.isSuspectedSpam()) {
            return List.of();
        }
        return lead.getAssigneeId() != null ? List.of(lead.getAssigneeId()) : router.whoMayTake(lead.getStack());
    }

    /**
     * The reps' free slots from {@code now}: four indexed reads (call hours, the reps' zones,
     * absences, booked calls).
     */
    List<Slot> freeSlots(List<Long> staffIds, Instant now) {
        if (staffIds.isEmpty()) {
            return List.of();
        }
        var byId = schedules.findByStaffIdIn(staffIds).stream()
                .collect(Collectors.toMap(CallSchedule::getStaffId, Function.identity()));
        var ids = staffIds.stream().filter(byId::containsKey).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // weekends in between: the business days span at most this many calendar days (and a day for zones)
        long span = properties.businessDays() + 2L * (properties.businessDays() / 5 + 1) + 1;
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var absences = staff.absencesOf(ids, today.minusDays(1), today.plusDays(span)).stream()
                .collect(Collectors.groupingBy(StaffAbsence::getStaffId));
        var busy = new HashMap<Long, List<FreeSlots.Busy>>();
        for (var c : calls.bookedBetween(ids, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(span + 1)))) {
            busy.computeIfAbsent(c.getStaffId(), k -> new ArrayList<>())
                    .add(new FreeSlots.Busy(c.getStartsAt(), c.getEndsAt()));
        }
        var zones = hours.zonesOf(ids);
        var reps = new ArrayList<FreeSlots.Rep>();
        for (var id : ids) {
            var schedule = byId.get(id);
            reps.add(new FreeSlots.Rep(
                    id,
                    zones.get(id),
                    schedule.getWeek(),
                    absences.getOrDefault(id, List.of()).stream()
                            .map(a -> new FreeSlots.Absence(a.getStartsOn(), a.getEndsOn()))
                            .toList(),
                    busy.getOrDefault(id, List.of())));
        }
        return new FreeSlots(properties.businessDays(), properties.notice()).ofAny(reps, now);
    }

    private Map<Long, String> names(List<Slot> slots) {
        var names = new LinkedHashMap<Long, String>();
        slots.stream().map(Slot::staffId).distinct().forEach(id -> names.put(id, rep(id).fullName()));
        return names;
    }

    private StaffProfile rep(long staffId) {
        return staff.byId(staffId).orElseThrow(() -> new IllegalStateException("No staff account " + staffId));
    }

    private Optional<BookedCall> current(CallLinks.Claim claim) {
        return calls.findById(claim.id()).filter(BookedCall::isBooked).filter(c -> c.getSequence() == claim.sequence());
    }

    private Offer managed(
            String token, CallLinks.Purpose purpose, java.util.function.BiFunction<BookedCall, Lead, Offer> what) {
        var claim = links.check(token, purpose);
        if (claim.isEmpty()) {
            return new Offer.Invalid(INVALID_LINK);
        }
        return Objects.requireNonNull(readOnly.execute(s -> {
            var call = calls.findById(claim.get().id()).orElse(null);
            if (call == null) {
                return new Offer.Invalid(INVALID_LINK);
            }
            if (!call.isBooked()) {
                return new Offer.Invalid("This call was cancelled. To talk to us, send a new request.");
            }
            if (call.getSequence() != claim.get().sequence()) {
                return new Offer.Invalid(
                        "This link is from an older email about your call: use the links in the latest one.");
            }
            return what.apply(call, leads.byId(call.getLeadId()));
        }));
    }

    /**
     * Runs a change in its own transaction and turns the database's refusals into answers: a unique
     * constraint means the slot (or, for {@code leadId}, the lead's call) was taken meanwhile.
     */
    /**
     * The visitor's change to the call a reschedule or cancel link names, in {@link #guarded}: the
     * call is read again inside, and a link that is not good or whose call is no longer booked is
     * refused.
     */
    private Outcome byLink(
            String token,
            CallLinks.Purpose purpose,
            java.util.function.BiFunction<BookedCall, Instant, Outcome> change) {
        var claim = links.check(token, purpose);
        if (claim.isEmpty()) {
            return new Outcome.Refused(INVALID_LINK);
        }
        return guarded(null, () -> {
            var call = current(claim.get()).orElse(null);
            return call == null ? new Outcome.Refused(INVALID_LINK) : change.apply(call, clock.instant());
        });
    }

    private Outcome guarded(@Nullable Long leadId, java.util.function.Supplier<Outcome> change) {
        try {
            return Objects.requireNonNull(tx.execute(s -> change.get()));
        } catch (DataIntegrityViolationException e) {
            if (leadId != null
                    && Boolean.TRUE.equals(readOnly.execute(
                            s -> calls.findByActiveLeadId(leadId).isPresent()))) {
                return new Outcome.Refused(
                        "Your call is booked already: reschedule or cancel it with the links in its email.");
            }
            return new Outcome.Taken(TAKEN);
        } catch (ConcurrencyFailureException e) {
            log.debug("A call changed meanwhile: {}", e.toString());
            return new Outcome.Taken(TAKEN);
        } catch (IllegalLeadChange | IllegalStateException e) {
            return new Outcome.Refused(
                    e.getMessage() == null ? "That did not work: please try again." : e.getMessage());
        }
    }

    private CallDetails details(BookedCall call, Lead lead) {
        return details(call, lead, rep(call.getStaffId()));
    }

    private static CallDetails details(BookedCall call, Lead lead, StaffProfile rep) {
        return CallDetails.of(call, lead.getReference(), lead.getFullName(), rep.fullName());
    }

    private @Nullable ZoneId zoneOf(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The email about this change to the visitor (with links while the call stands) and to the rep. */
    private void queueEmails(EmailKind kind, BookedCall call, Lead lead, StaffProfile rep, Instant now) {
        var leadId = call.getLeadId();
        var repZone = hours.zoneOf(rep);
        var consultancy = mail.consultancyName();
        var people = new CallCalendar.People(rep.fullName(), rep.email(), lead.getFullName(), lead.getEmail());
        var summary = "Consultation call: " + lead.getFullName() + " and " + rep.fullName() + " (" + consultancy + ")";
        var description = "Consultation call about request " + lead.getReference() + ".";
        String calendar =
                switch (kind) {
                    case CALL_CANCELLATION -> CallCalendar.cancel(call, people, summary, description, now);
                    case CALL_REMINDER -> null;
                    default -> CallCalendar.request(call, people, summary, description, now);
                };

        var visitorWhen = CallDetails.when(call.getStartsAt(), call.getVisitorZone());
        var withRep = rep.fullName() + " (" + consultancy + ")";
        var visitor = model(true, lead.getFirstName(), visitorWhen, withRep, lead, calendar != null);
        if (call.isBooked()) {
            visitor.put(
                    "rescheduleUrl", mail.linkTo("/call/reschedule?t=" + token(CallLinks.Purpose.RESCHEDULE, call)));
            visitor.put("cancelUrl", mail.linkTo("/call/cancel?t=" + token(CallLinks.Purpose.CANCEL, call)));
        }
        mail.queue(new CallMail.Message(
                kind,
                leadId,
                lead.getEmail(),
                lead.getFullName(),
                null,
                visitor,
                List.of(withRep, visitorWhen),
                calendar));

        var repWhen = CallDetails.when(call.getStartsAt(), repZone);
        var withVisitor = lead.getFullName() + " <" + lead.getEmail() + ">";
        var toRep = model(false, rep.firstName(), repWhen, withVisitor, lead, calendar != null);
        toRep.put("leadUrl", mail.linkTo("/leads/" + lead.getReference()));
        mail.queue(new CallMail.Message(
                kind,
                leadId,
                rep.email(),
                rep.fullName(),
                rep.id(),
                toRep,
                List.of(lead.getFullName(), repWhen),
                calendar));
    }

    /** What both emails about a call say: to whom, greeting whom, when, with whom, about which lead. */
    private static HashMap<String, Object> model(
            boolean toVisitor, String greetingName, String when, String withName, Lead lead, boolean hasCalendar) {
        var model = new HashMap<String, Object>();
        model.put("toVisitor", toVisitor);
        model.put("greetingName", greetingName);
        model.put("when", when);
        model.put("withName", withName);
        model.put("reference", lead.getReference());
        model.put("hasCalendar", hasCalendar);
        return model;
    }

    /** A link token for the call as it is now, valid until the call starts. */
    private String token(CallLinks.Purpose purpose, BookedCall call) {
        return links.issue(purpose, call.getId(), call.getSequence(), call.getStartsAt());
    }
}
