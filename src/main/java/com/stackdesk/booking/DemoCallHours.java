package com.stackdesk.booking;

import com.stackdesk.base.StartupData;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: once the demo staff are loaded, every active rep and manager gets call hours Monday to
 * Friday, 09:00 to 17:00 in their own time zone (the team's until they choose one), before the web
 * server answers. Does nothing when anyone has call hours already.
 */
@Component
@Profile("demo")
@Order(10) // after the demo staff (DemoSeeds)
class DemoCallHours implements StartupData {

    private final CallHours hours;
    private final StaffLookup staff;

    DemoCallHours(CallHours hours, StaffLookup staff) {
        this.hours = hours;
        this.staff = staff;
    }

    @Override
    public void load() {
        if (!hours.none()) {
            return;
        }
        var days = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, new FreeSlots.Span(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
        }
        var takers = staff.everyone().stream()
                .filter(m -> m.active() && m.role() != Role.ADMIN)
                .map(StaffProfile::id)
                .toList();
        var zones = hours.zonesOf(takers);
        takers.forEach(id -> hours.set(id, new CallHours.Week(zones.get(id), days)));
    }
}
