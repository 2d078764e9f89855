package com.stackdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/** The calendar file attached to a consultation's confirmation when the visitor picked a time. */
@Component
class CalendarInvites {

    /** An iCalendar (RFC 5545) text with one event; times are in UTC so every calendar app places it right. */
    String consultation(String uid, Instant start, Duration length, String summary, String description, Instant stamp) {
        var event = new VEvent(start.atZone(ZoneOffset.UTC), length, Headers.oneLine(summary, 200));
        event.add(new Uid(uid));
        event.add(new DtStamp(stamp));
        event.add(new Description(description));
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Stackdesk//Consultation//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return calendar.toString();
    }
}
