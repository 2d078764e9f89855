package com.stackdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/** The calendar file attached to a consultation's confirmation when the visitor picked a time. */
@Component
class CalendarInvites {

    /** An iCalendar (RFC 5545) text with one event; times are in UTC so every calendar app places it right. */
    String consultation(
            String uid,
            Instant start,
            Duration length,
            String summary,
            String description,
            String organizerName,
            String organizerEmail,
            Instant stamp) {
        var event = new VEvent(new PropertyList(List.of(
                new Uid(uid),
                new DtStamp(stamp),
                new DtStart<>(start),
                new DtEnd<>(start.plus(length)),
                new Summary(Headers.oneLine(summary, 200)),
                new Description(description),
                new Organizer(
                        new ParameterList(List.of(new Cn(Headers.oneLine(organizerName, 100)))),
                        "mailto:" + organizerEmail))));
        var calendar = new Calendar(
                new PropertyList(List.of(
                        new ProdId("-//Stackdesk//Consultation//EN"),
                        ImmutableVersion.VERSION_2_0,
                        ImmutableCalScale.GREGORIAN,
                        ImmutableMethod.PUBLISH)),
                new ComponentList<CalendarComponent>(List.of(event)));
        return calendar.toString();
    }
}
