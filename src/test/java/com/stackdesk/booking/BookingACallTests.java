package com.stackdesk.booking;

import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.TestSmtp;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A visitor books, reschedules and cancels their consultation call through the real services, the
 * real database and a real SMTP server (GreenMail): one booking per slot under concurrent
 * threads, invitations that ical4j parses with the right METHOD, UID and SEQUENCE, emailed links
 * that work once and only for their purpose, and reminders sent exactly once.
 */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.booking.notice=2h"})
class BookingACallTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendTo(smtp, registry);
    }

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Pattern RESCHEDULE = Pattern.compile("/call/reschedule\\?t=([A-Za-z0-9_.-]+)");
    static final Pattern CANCEL = Pattern.compile("/call/cancel\\?t=([A-Za-z0-9_.-]+)");

    @Autowired
    CallBooking booking;

    @Autowired
    CallHours hours;

    @Autowired
    CallLinks links;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext app;

    StaffMember ana;
    StaffMember ben;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        RoutingFixtures.clean(jdbc);
        ana = staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        ben = staff(staffMembers, "ben", "Ben Okafor", Role.SALES, false, StackLeaning.GO);
        // Ana takes calls 08:00-16:00 UTC on weekdays, Ben 16:00-18:00 UTC
        hours.set(id(ana), new CallHours.Week(ZoneOffset.UTC, weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0))));
        hours.set(id(ben), new CallHours.Week(ZoneOffset.UTC, weekdays(LocalTime.of(16, 0), LocalTime.of(18, 0))));
    }

    @Test
    void offersTheOwnersFreeSlotsAndABookedSlotIsTakenOnce() {
        var lead = consultation("lee@visitor.example", ana);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();

        var slots = open(booking.offer(token)).slots();
        var now = Instant.now();
        assertThat(slots).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.staffId()).isEqualTo(id(ana));
            var at = slot.startsAt().atZone(ZoneOffset.UTC);
            assertThat(at.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(at.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(15, 30));
            assertThat(slot.startsAt()).isAfter(now.plus(Duration.ofMinutes(119)));
            assertThat(slot.startsAt()).isBefore(now.plus(Duration.ofDays(15)));
        });
        // ten weekdays from today: today's may be over already, the nine after it hold 16 slots each
        var days = slots.stream()
                .map(s -> LocalDate.ofInstant(s.startsAt(), ZoneOffset.UTC))
                .distinct()
                .count();
        assertThat(days).isBetween(9L, 10L);

        var chosen = slots.get(3);
        var outcome = booking.book(token, chosen, BERLIN);

        assertThat(outcome).isInstanceOf(CallBooking.Outcome.Done.class);
        assertThat(booking.offer(token)).isInstanceOf(CallBooking.Offer.Booked.class);
        assertThat(booking.book(token, slots.get(5), BERLIN)).isInstanceOf(CallBooking.Outcome.Refused.class);
        var other = consultation("kim@visitor.example", ana);
        var otherToken = booking.bookingToken(other.getReference()).orElseThrow();
        assertThat(open(booking.offer(otherToken)).slots())
                .hasSize(slots.size() - 1)
                .doesNotContain(chosen);
        assertThat(booking.book(otherToken, chosen, BERLIN)).isInstanceOf(CallBooking.Outcome.Taken.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from booked_call where staff_id = ? and status = 'BOOKED'",
                        Integer.class,
                        id(ana)))
                .isEqualTo(1);
        assertThat(entries(lead, ActivityType.CALL))
                .containsExactly(
                        "Call booked for " + CallDetails.when(chosen.startsAt(), ZoneOffset.UTC) + " with Ana Souza");
    }

    @Test
    void aRepReadsTheirBookedCallsOfAPeriodAndOnlyTheirs() {
        var lee = consultation("lee@visitor.example", ana);
        var kim = consultation("kim@visitor.example", ana);
        var leeToken = booking.bookingToken(lee.getReference()).orElseThrow();
        var slots = open(booking.offer(leeToken)).slots();
        var early = slots.get(1);
        var late = slots.get(20);
        assertThat(booking.book(booking.bookingToken(kim.getReference()).orElseThrow(), late, BERLIN))
                .isInstanceOf(CallBooking.Outcome.Done.class);
        assertThat(booking.book(leeToken, early, BERLIN)).isInstanceOf(CallBooking.Outcome.Done.class);
        var from = early.startsAt().minus(Duration.ofMinutes(1));
        try {
            SignIn.as(app, "ana");
            assertThat(booking.bookedCallsOf(id(ana), from, late.startsAt().plusSeconds(1)))
                    .extracting(CallDetails::leadReference, CallDetails::startsAt, CallDetails::visitorName)
                    .containsExactly(
                            tuple(lee.getReference(), early.startsAt(), "Lee Visitor"),
                            tuple(kim.getReference(), late.startsAt(), "Lee Visitor"));
            assertThat(booking.bookedCallsOf(id(ana), from, late.startsAt()))
                    .extracting(CallDetails::leadReference)
                    .containsExactly(lee.getReference());
            assertThat(booking.callOf(Objects.requireNonNull(lee.getId()))
                            .orElseThrow()
                            .repName())
                    .isEqualTo("Ana Souza");

            SignIn.as(app, "ben");
            assertThatThrownBy(() -> booking.bookedCallsOf(id(ana), from, late.startsAt()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(booking.bookedCallsOf(id(ben), from, late.startsAt())).isEmpty();
        } finally {
            SignIn.out(app);
        }
    }

    @Test
    void leavesOutTheRepsOutOfOfficeDays() {
        var lead = consultation("lee@visitor.example", ana);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();
        var before = open(booking.offer(token)).slots();
        var away = LocalDate.ofInstant(before.get(before.size() / 2).startsAt(), ZoneOffset.UTC);
        jdbc.update(
                "insert into staff_absence (staff_id, starts_on, ends_on, note) values (?, ?, ?, 'Conference')",
                id(ana),
                Date.valueOf(away),
                Date.valueOf(away));

        var after = open(booking.offer(token)).slots();

        assertThat(after).isNotEmpty().noneMatch(s -> LocalDate.ofInstant(s.startsAt(), ZoneOffset.UTC)
                .equals(away));
        assertThat(before.size() - after.size()).isEqualTo(16);
    }

    @Test
    void twoVisitorsRacingForOneSlotGetOneBookingAndOneJustTaken() throws Exception {
        var slots = open(booking.offer(booking.bookingToken(
                                consultation("first@visitor.example", ana).getReference())
                        .orElseThrow()))
                .slots();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                var slot = slots.get(round);
                var tokens = List.of(
                        booking.bookingToken(consultation("a" + round + "@visitor.example", ana)
                                        .getReference())
                                .orElseThrow(),
                        booking.bookingToken(consultation("b" + round + "@visitor.example", ana)
                                        .getReference())
                                .orElseThrow());
                var barrier = new CyclicBarrier(2);
                var outcomes = new ArrayList<Future<CallBooking.Outcome>>();
                for (var t : tokens) {
                    outcomes.add(pool.submit(() -> {
                        barrier.await();
                        return booking.book(t, slot, BERLIN);
                    }));
                }
                var results = new ArrayList<CallBooking.Outcome>();
                for (var f : outcomes) {
                    results.add(f.get());
                }
                assertThat(results)
                        .as("round %d", round)
                        .filteredOn(o -> o instanceof CallBooking.Outcome.Done)
                        .hasSize(1);
                assertThat(results)
                        .filteredOn(o -> o instanceof CallBooking.Outcome.Taken)
                        .singleElement()
                        .extracting(o -> ((CallBooking.Outcome.Taken) o).message())
                        .isEqualTo("That time was just taken. Please pick another.");
                assertThat(jdbc.queryForObject(
                                "select count(*) from booked_call where staff_id = ? and starts_at = ?",
                                Integer.class,
                                id(ana),
                                java.sql.Timestamp.from(slot.startsAt())))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void invitationRescheduleAndCancelThroughTheEmailedLinksKeepOneUidWithARisingSequence() throws Exception {
        var lead = consultation("lee@visitor.example", ana);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();
        var slots = open(booking.offer(token)).slots();
        var first = slots.get(2);
        assertThat(booking.book(token, first, BERLIN)).isInstanceOf(CallBooking.Outcome.Done.class);
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        assertThat(callAt(lead)).as("the grid's \"call booked\"").isEqualTo(first.startsAt());
        var invitation = only("lee@visitor.example");
        assertThat(invitation.getSubject())
                .isEqualTo("Consultation call with Ana Souza (Northwind Software): "
                        + CallDetails.when(first.startsAt(), BERLIN));
        var invite = calendar(invitation, "REQUEST");
        assertThat(invite.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        var uid = event(invite).getUid().orElseThrow().getValue();
        assertThat(event(invite).getSequence().getSequenceNo()).isZero();
        assertThat(event(invite).getDateTimeStart().getValue()).isEqualTo(ics(first.startsAt()));
        var repInvite = calendar(only("ana@northwind.example"), "REQUEST");
        assertThat(event(repInvite).getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(text(only("ana@northwind.example"))).contains("http://localhost:8080/leads/" + lead.getReference());

        // the visitor moves the call with the link from the invitation
        var text = text(invitation);
        var reschedule = find(RESCHEDULE, text);
        var cancelFromInvitation = find(CANCEL, text);
        assertThat(booking.reschedule(cancelFromInvitation, slots.get(6), BERLIN))
                .as("a cancel link does not reschedule")
                .isInstanceOf(CallBooking.Outcome.Refused.class);
        var offer = open(booking.rescheduleOffer(reschedule));
        assertThat(Objects.requireNonNull(offer.current()).startsAt()).isEqualTo(first.startsAt());
        var second = offer.slots().get(6);
        assertThat(booking.reschedule(reschedule, second, BERLIN)).isInstanceOf(CallBooking.Outcome.Done.class);
        smtp.purgeEmailFromAllMailboxes();
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        var update = only("lee@visitor.example");
        assertThat(update.getSubject()).startsWith("Rescheduled: consultation call with Ana Souza");
        var updated = calendar(update, "REQUEST");
        assertThat(event(updated).getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(event(updated).getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(event(updated).getDateTimeStart().getValue()).isEqualTo(ics(second.startsAt()));
        assertThat(callAt(lead)).isEqualTo(second.startsAt());
        // the old slot is free again, and the links of the first email are retired
        assertThat(open(booking.rescheduleOffer(find(RESCHEDULE, text(update)))).slots())
                .contains(first);
        assertThat(booking.rescheduleOffer(reschedule)).isInstanceOf(CallBooking.Offer.Invalid.class);
        assertThat(booking.cancel(cancelFromInvitation)).isInstanceOf(CallBooking.Outcome.Refused.class);

        // and cancels it with the link from the update
        var cancel = find(CANCEL, text(update));
        assertThat(booking.cancelOffer(cancel)).isInstanceOf(CallBooking.Offer.Booked.class);
        assertThat(booking.cancel(cancel)).isInstanceOf(CallBooking.Outcome.Done.class);
        assertThat(callAt(lead)).isNull();
        smtp.purgeEmailFromAllMailboxes();
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        var cancellation = only("lee@visitor.example");
        assertThat(cancellation.getSubject()).startsWith("Cancelled: consultation call with Ana Souza");
        assertThat(text(cancellation)).doesNotContain("/call/reschedule", "/call/cancel");
        var cancelled = calendar(cancellation, "CANCEL");
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(event(cancelled).getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(event(cancelled).getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(event(cancelled).getProperty("STATUS").orElseThrow().getValue())
                .isEqualTo("CANCELLED");
        assertThat(calendar(only("ana@northwind.example"), "CANCEL")
                        .getProperty("METHOD")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("CANCEL");
        assertThat(booking.cancel(cancel)).isInstanceOf(CallBooking.Outcome.Refused.class);
        // the slot is free again and the visitor may book anew through the thank-you page's link
        assertThat(open(booking.offer(token)).slots()).contains(second);
        assertThat(entries(lead, ActivityType.CALL)).hasSize(3);
    }

    @Test
    void forgedExpiredAndMisusedLinksChangeNothing() {
        var lead = consultation("lee@visitor.example", ana);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();
        var slot = open(booking.offer(token)).slots().getFirst();
        // one character of the signature changed where all of its bits count: at the end of a
        // base64url signature the last character's low bits are padding, and a change there can
        // decode to the same signature (it did once in CI: "...qtBA" forged as "...qtBB")
        int signature = token.lastIndexOf('.') + 1;
        var forged = token.substring(0, signature)
                + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        var expired = links.issue(
                CallLinks.Purpose.BOOK,
                Objects.requireNonNull(lead.getId()),
                0,
                Instant.now().minusSeconds(1));
        var otherPurpose = links.issue(
                CallLinks.Purpose.CANCEL,
                Objects.requireNonNull(lead.getId()),
                0,
                Instant.now().plusSeconds(600));

        for (var bad : List.of(forged, expired, otherPurpose, "", "not-a-token", "a.b")) {
            assertThat(booking.offer(bad)).as(bad).isInstanceOf(CallBooking.Offer.Invalid.class);
            assertThat(booking.book(bad, slot, BERLIN)).as(bad).isInstanceOf(CallBooking.Outcome.Refused.class);
        }
        assertThat(booking.bookingToken(TestLeads.store(
                                registration,
                                TestLeads.lead().email("plan@visitor.example").build(),
                                Instant.now())
                        .getReference()))
                .as("a development plan request books no call")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from booked_call", Integer.class))
                .isZero();
    }

    @Test
    void aLeadNobodyOwnsOffersTheSlotsOfRepsWhoMayTakeItAndTheBookingMakesItTheirs() {
        var lead = consultation("lee@visitor.example", null);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();

        var offer = open(booking.offer(token));

        assertThat(offer.slots()).extracting(Slot::staffId).contains(id(ana), id(ben));
        assertThat(offer.repNames()).containsValues("Ana Souza", "Ben Okafor");
        var bens = offer.slots().stream()
                .filter(s -> s.staffId() == id(ben))
                .findFirst()
                .orElseThrow();
        assertThat(bens.startsAt().atZone(ZoneOffset.UTC).getHour()).isIn(16, 17);
        assertThat(booking.book(token, bens, BERLIN)).isInstanceOf(CallBooking.Outcome.Done.class);
        assertThat(leads.findById(Objects.requireNonNull(lead.getId()))
                        .orElseThrow()
                        .getAssigneeId())
                .isEqualTo(id(ben));
        assertThat(entries(lead, ActivityType.ASSIGNED)).contains("The visitor booked a call with Ben Okafor");
    }

    @Test
    void remindersGoOutOnceADayBeforeEvenWithTwoInstancesSweeping() throws Exception {
        var lead = consultation("lee@visitor.example", ana);
        var token = booking.bookingToken(lead.getReference()).orElseThrow();
        var slot = open(booking.offer(token)).slots().stream()
                .filter(s -> s.startsAt().isAfter(Instant.now().plus(Duration.ofDays(2))))
                .findFirst()
                .orElseThrow();
        assertThat(booking.book(token, slot, BERLIN)).isInstanceOf(CallBooking.Outcome.Done.class);
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        assertThat(booking.sendDueReminders(slot.startsAt().minus(Duration.ofHours(25)), 100))
                .as("not due yet")
                .isZero();
        var at = slot.startsAt().minus(Duration.ofHours(23));
        var barrier = new CyclicBarrier(2);
        int sent = 0;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> {
                barrier.await();
                return booking.sendDueReminders(at, 100);
            });
            var b = pool.submit(() -> {
                barrier.await();
                return booking.sendDueReminders(at, 100);
            });
            sent = a.get() + b.get();
        }
        assertThat(sent).isEqualTo(1);
        assertThat(booking.sendDueReminders(at.plus(Duration.ofHours(1)), 100)).isZero();
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        var reminder = only("lee@visitor.example");
        assertThat(reminder.getSubject()).startsWith("Reminder: consultation call with Ana Souza");
        assertThat(text(reminder))
                .contains(CallDetails.when(slot.startsAt(), BERLIN))
                .containsPattern(RESCHEDULE);
        assertThat(only("ana@northwind.example").getSubject())
                .startsWith("Reminder: consultation call with Lee Visitor");
    }

    // --------------------------------------------------------------------------------- helpers

    private Lead consultation(String email, @Nullable StaffMember owner) {
        var lead = TestLeads.store(
                registration,
                TestLeads.consultation("Lee", "Visitor", email, null, StackLeaning.GO),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        if (owner != null) {
            TestAssignments.assign(lead, owner.getId(), "test");
        }
        return leads.save(lead);
    }

    private @Nullable Instant callAt(Lead lead) {
        return leads.findById(Objects.requireNonNull(lead.getId()))
                .orElseThrow()
                .getCallAt();
    }

    private static CallBooking.Offer.Open open(CallBooking.Offer offer) {
        assertThat(offer).isInstanceOf(CallBooking.Offer.Open.class);
        return (CallBooking.Offer.Open) offer;
    }

    private List<String> entries(Lead lead, ActivityType type) {
        return timeline.of(Objects.requireNonNull(lead.getId())).stream()
                .filter(a -> a.getType() == type)
                .map(LeadActivity::getText)
                .toList();
    }

    private static long id(StaffMember member) {
        return Objects.requireNonNull(member.getId());
    }

    private static EnumMap<DayOfWeek, FreeSlots.Span> weekdays(LocalTime from, LocalTime to) {
        var week = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, new FreeSlots.Span(from, to));
            }
        }
        return week;
    }

    private static String ics(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(instant);
    }

    private static String find(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find())
                .as("a link matching %s in%n%s", pattern, text)
                .isTrue();
        return matcher.group(1);
    }

    private static MimeMessage only(String address) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(address))) {
                found.add(message);
            }
        }
        assertThat(found).as("messages to " + address).hasSize(1);
        return found.getFirst();
    }

    private static VEvent event(Calendar calendar) {
        return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    }

    /** The message's calendar attachment, parsed by ical4j, after checking its MIME type names {@code method}. */
    private static Calendar calendar(Part message, String method) throws Exception {
        var part = parts(message).stream()
                .filter(p -> {
                    try {
                        return p.isMimeType("text/calendar");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no calendar attachment"));
        assertThat(part.getContentType()).containsIgnoringCase("method=" + method);
        var ics = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().getEntries()).isEmpty();
        return calendar;
    }

    private static String text(Part message) throws Exception {
        for (var part : parts(message)) {
            if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return String.valueOf(part.getContent());
            }
        }
        throw new AssertionError("no text part");
    }

    private static List<Part> parts(Part part) throws Exception {
        var all = new ArrayList<Part>();
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.addAll(parts(multipart.getBodyPart(i)));
            }
        } else {
            all.add(part);
        }
        return all;
    }
}
