package com.stackdesk.sla;

import com.stackdesk.base.StartupData;
import com.stackdesk.base.TeamZone;
import com.stackdesk.lead.FirstResponseDeadlines;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ResponseDue;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's response-time settings: business hours, holidays, time zone, targets, reminder and
 * reassignment. Kept in memory as {@link DeadlineRules}, so a submission's deadline costs no query
 * ({@link #dueFor}); reloaded when saved here and, for changes saved on another instance, by the
 * deadline sweep (one indexed read of a version number per run). Until first saved, the
 * defaults from {@link SlaProperties} apply.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE) // the team's zone, before demo call hours are set in it
public class ResponseSettings implements FirstResponseDeadlines, StartupData {

    /** A day off with its name ("Christmas Day"). */
    public record Holiday(LocalDate date, String name) {}

    /** The settings as the admin page edits them. */
    public record Settings(
            String timeZone,
            Map<DayOfWeek, BusinessCalendar.Hours> hours,
            List<Holiday> holidays,
            ResponseTarget consultation,
            ResponseTarget developmentPlan,
            int remindPercent,
            boolean reassignOverdue) {}

    static final int HOLIDAY_NAME = 100;

    private final JdbcClient jdbc;
    private final SlaProperties defaults;
    private final TeamZone teamZone;
    private volatile DeadlineRules rules;
    private volatile List<Holiday> holidays = List.of();
    private volatile long loadedVersion = -1;

    ResponseSettings(JdbcClient jdbc, SlaProperties defaults, TeamZone teamZone) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.teamZone = teamZone;
        this.rules = defaults.rules();
        teamZone.set(rules.calendar().zone());
    }

    /** From memory: called on every submission. */
    @Override
    public ResponseDue dueFor(LeadKind kind, Instant arrivedAt) {
        return rules.dueFor(kind, arrivedAt);
    }

    @Override
    public java.time.Duration businessTimeBetween(Instant from, Instant to) {
        return rules.calendar().between(from, to);
    }

    /** The rules in force now (from memory). */
    public DeadlineRules rules() {
        return rules;
    }

    /** Loads the saved settings before the first submission can ask for a deadline. */
    @Override
    public void load() {
        reload();
    }

    /** Loads the settings if they changed since the last load (one read of their version otherwise). */
    @Transactional(readOnly = true)
    public void reload() {
        var version = jdbc.sql("SELECT version FROM response_settings WHERE id = 1")
                .query(Long.class)
                .optional()
                .orElse(-1L);
        if (version == loadedVersion) {
            return;
        }
        if (version < 0) {
            rules = defaults.rules();
            holidays = List.of();
        } else {
            var week = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
            jdbc.sql("SELECT day_of_week, opens_at, closes_at FROM business_hours")
                    .query(rs -> {
                        week.put(
                                DayOfWeek.of(rs.getInt(1)),
                                new BusinessCalendar.Hours(
                                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                    });
            var days = jdbc.sql("SELECT holiday_date, name FROM business_holiday ORDER BY holiday_date")
                    .query((rs, n) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)))
                    .list();
            rules = jdbc.sql("SELECT time_zone, consultation_target, consultation_unit, plan_target, plan_unit,"
                            + " remind_percent, reassign_overdue FROM response_settings WHERE id = 1")
                    .query((rs, n) -> new DeadlineRules(
                            new BusinessCalendar(
                                    ZoneId.of(rs.getString(1)),
                                    week,
                                    new HashSet<>(
                                            days.stream().map(Holiday::date).toList())),
                            new ResponseTarget(rs.getInt(2), ResponseTarget.Unit.valueOf(rs.getString(3))),
                            new ResponseTarget(rs.getInt(4), ResponseTarget.Unit.valueOf(rs.getString(5))),
                            rs.getInt(6),
                            rs.getBoolean(7)))
                    .single();
            holidays = List.copyOf(days);
        }
        loadedVersion = version;
        teamZone.set(rules.calendar().zone());
    }

    /** The settings in force, for the admin page. */
    @PreAuthorize("hasRole('MANAGER')")
    public Settings current() {
        var now = rules;
        return new Settings(
                now.calendar().zone().getId(),
                now.calendar().week(),
                holidays,
                now.consultation(),
                now.developmentPlan(),
                now.remindPercent(),
                now.reassignOverdue());
    }

    /**
     * Replaces the settings. New leads get deadlines by them at once (on other instances from
     * their next sweep); leads already waiting keep the deadline they got when they arrived.
     * Refuses, changing nothing, settings that make no sense: an unknown zone, no business day, a
     * day that closes before it opens, a holiday without a name or twice, a target out of range.
     */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public void save(Settings settings) {
        var validated = validate(settings);
        var updated = jdbc.sql("UPDATE response_settings SET time_zone = ?, consultation_target = ?,"
                        + " consultation_unit = ?, plan_target = ?, plan_unit = ?, remind_percent = ?,"
                        + " reassign_overdue = ?, version = version + 1 WHERE id = 1")
                .params(settingsParams(validated))
                .update();
        if (updated == 0) {
            var params = new ArrayList<>(settingsParams(validated));
            jdbc.sql(
                            "INSERT INTO response_settings (time_zone, consultation_target, consultation_unit, plan_target,"
                                    + " plan_unit, remind_percent, reassign_overdue, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1)")
                    .params(params)
                    .update();
        }
        jdbc.sql("DELETE FROM business_hours").update();
        validated.hours().forEach((day, hours) -> jdbc.sql(
                        "INSERT INTO business_hours (day_of_week, opens_at, closes_at) VALUES (?, ?, ?)")
                .param(day.getValue())
                .param(Time.valueOf(hours.opens()))
                .param(Time.valueOf(hours.closes()))
                .update());
        jdbc.sql("DELETE FROM business_holiday").update();
        for (var holiday : validated.holidays()) {
            jdbc.sql("INSERT INTO business_holiday (holiday_date, name) VALUES (?, ?)")
                    .param(holiday.date())
                    .param(holiday.name())
                    .update();
        }
        loadedVersion = -2;
        reload();
    }

    private static List<Object> settingsParams(Settings s) {
        return List.of(
                s.timeZone(),
                s.consultation().amount(),
                s.consultation().unit().name(),
                s.developmentPlan().amount(),
                s.developmentPlan().unit().name(),
                s.remindPercent(),
                s.reassignOverdue());
    }

    private static Settings validate(Settings s) {
        String zone;
        try {
            zone = ZoneId.of(Objects.requireNonNullElse(s.timeZone(), "").strip())
                    .getId();
        } catch (DateTimeException e) {
            throw new SettingsRefused("\"" + s.timeZone() + "\" is not a time zone; pick one from the list.");
        }
        if (s.hours().isEmpty()) {
            throw new SettingsRefused("Give at least one weekday business hours.");
        }
        s.hours().forEach((day, hours) -> {
            if (!hours.opens().isBefore(hours.closes())) {
                throw new SettingsRefused("On " + label(day) + " the team must open before it closes.");
            }
        });
        var seen = new HashSet<LocalDate>();
        var holidays = new ArrayList<Holiday>();
        for (var holiday : s.holidays()) {
            var name = holiday.name() == null ? "" : holiday.name().strip();
            if (name.isEmpty()) {
                throw new SettingsRefused("Give the holiday on " + holiday.date() + " a name.");
            }
            if (name.length() > HOLIDAY_NAME) {
                throw new SettingsRefused("Keep holiday names under " + HOLIDAY_NAME + " characters.");
            }
            if (!seen.add(holiday.date())) {
                throw new SettingsRefused(holiday.date() + " is listed twice as a holiday.");
            }
            holidays.add(new Holiday(holiday.date(), name));
        }
        if (s.remindPercent() < 1 || s.remindPercent() > 99) {
            throw new SettingsRefused("Remind at 1 to 99 % of the time to the deadline.");
        }
        return new Settings(
                zone,
                s.hours(),
                holidays,
                s.consultation(),
                s.developmentPlan(),
                s.remindPercent(),
                s.reassignOverdue());
    }

    static String label(DayOfWeek day) {
        var name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
