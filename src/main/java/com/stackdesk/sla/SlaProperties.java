package com.stackdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response-time defaults ({@code stackdesk.sla.*}, documented in {@code config/application.properties}),
 * in force until someone saves the settings on the admin page "Response times"; from then on the
 * database holds them.
 *
 * @param timeZone the team's zone: business hours are counted in it, and staff without a zone of
 *     their own read times in it
 * @param days the business weekdays
 * @param opens when a business day starts (local time)
 * @param closes when it ends
 * @param remindPercent remind the owner when this share of the time to the deadline has passed
 * @param reassignOverdue give a lead unanswered at its deadline to the next available rep
 * @param sweepInterval how often the deadline sweep looks for due reminders and alerts (and
 *     reloads settings another instance saved)
 */
@ConfigurationProperties("stackdesk.sla")
public record SlaProperties(
        @DefaultValue("UTC") String timeZone,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        List<DayOfWeek> days,

        @DefaultValue("09:00") String opens,
        @DefaultValue("17:00") String closes,
        @DefaultValue("2") int consultationTarget,
        @DefaultValue("HOURS") ResponseTarget.Unit consultationUnit,
        @DefaultValue("1") int planTarget,
        @DefaultValue("DAYS") ResponseTarget.Unit planUnit,
        @DefaultValue("50") int remindPercent,
        @DefaultValue("false") boolean reassignOverdue,
        @DefaultValue("1m") Duration sweepInterval) {

    DeadlineRules rules() {
        var week = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
        days.forEach(day -> week.put(day, BusinessCalendar.Hours.of(opens, closes)));
        return new DeadlineRules(
                new BusinessCalendar(ZoneId.of(timeZone), week, Set.of()),
                new ResponseTarget(consultationTarget, consultationUnit),
                new ResponseTarget(planTarget, planUnit),
                remindPercent,
                reassignOverdue);
    }
}
