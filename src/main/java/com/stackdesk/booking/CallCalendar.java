package com.stackdesk.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545 / iTIP RFC 5546) texts of a booked call: a {@code METHOD:REQUEST} for the
 * invitation and each reschedule, a {@code METHOD:CANCEL} when it is cancelled, always under the
 * call's one UID with its current SEQUENCE, so calendar apps update or remove the event they hold.
 * Times are in UTC, so every calendar app places them right.
 */
final class CallCalendar {

    private CallCalendar() {}

    /** Who is in the call: the rep organizes, the visitor is invited. */
    record People(String repName, String repEmail, String visitorName, String visitorEmail) {}

    static String request(BookedCall call, People people, String summary, String description, Instant stamp) {
        return calendar(call, people, summary, description, stamp, false);
    }

    static String cancel(BookedCall call, People people, String summary, String description, Instant stamp) {
        return calendar(call, people, summary, description, stamp, true);
    }

    private static String calendar(
            BookedCall call, People people, String summary, String description, Instant stamp, boolean cancel) {
        var properties = new ArrayList<Property>(List.of(
                new Uid(call.getUid()),
                new Sequence(call.getSequence()),
                new DtStamp(stamp),
                new DtStart<>(call.getStartsAt()),
                new DtEnd<>(call.getEndsAt()),
                new Summary(oneLine(summary, 200)),
                new Description(description),
                new Organizer(
                        new ParameterList(List.of(new Cn(oneLine(people.repName(), 100)))),
                        "mailto:" + people.repEmail()),
                new Attendee(
                        new ParameterList(List.of(new Cn(oneLine(people.visitorName(), 100)))),
                        "mailto:" + people.visitorEmail()),
                new Attendee(
                        new ParameterList(List.of(new Cn(oneLine(people.repName(), 100)))),
                        "mailto:" + people.repEmail()),
                cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED));
        var event = new VEvent(new PropertyList(properties));
        return new Calendar(
                        new PropertyList(List.of(
                                new ProdId("-//Stackdesk//Consultation call//EN"),
                                ImmutableVersion.VERSION_2_0,
                                ImmutableCalScale.GREGORIAN,
                                cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)),
                        new ComponentList<CalendarComponent>(List.of(event)))
                .toString();
    }

    private static String oneLine(String text, int max) {
        var line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max);
    }
}
