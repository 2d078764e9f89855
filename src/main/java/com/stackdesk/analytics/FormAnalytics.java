package com.stackdesk.analytics;

import com.stackdesk.analytics.internal.FormCounters;
import com.stackdesk.base.Times;
import com.stackdesk.lead.LeadSource;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Counts views, starts and submissions of each {@link TrackedForm} per source and ISO week, and
 * reads them back for the dashboard. Counting is open to anonymous callers by design (visitors
 * are not signed in) and keeps nothing about the visitor: the source is the label a lead would
 * get (UTM source, else the referrer's host, else "direct"), the week the current Monday (UTC).
 *
 * <p>A count is added in memory and written with the others of its key every few seconds
 * ({@code stackdesk.analytics.flush-interval}, and when the app stops), so a page view or a
 * submission costs no transaction of its own: the visitor's request never waits for a counter's
 * row. What this instance counted since its last write is lost if its process is killed; the
 * figures are counters for a dashboard, not records.
 */
@Service
public class FormAnalytics {

    /** The longest source label kept; longer ones are cut. */
    public static final int SOURCE_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(FormAnalytics.class);

    private final FormCounters counters;
    private final Clock clock;
    private Map<Key, long[]> unwritten = new HashMap<>();

    /** What a count is kept under. */
    private record Key(String form, String source, LocalDate week) {}

    FormAnalytics(FormCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Counts one event of the form for the visitor's source, this week. A failure is logged and
     * swallowed: a counter never stands between a visitor and their request.
     */
    public void count(TrackedForm form, FormEvent event, LeadSource source) {
        var key = new Key(form.id(), sourceLabel(source), weekOf(clock));
        synchronized (this) {
            unwritten
                    .computeIfAbsent(key, k -> new long[3])[
                    switch (event) {
                        case VIEW -> 0;
                        case START -> 1;
                        case SUBMISSION -> 2;
                    }]++;
        }
    }

    /**
     * Writes what was counted since the last write, one short transaction per key. A failure is
     * logged, and the counts are kept for the next write.
     */
    @Scheduled(
            fixedDelayString = "${stackdesk.analytics.flush-interval:2s}",
            initialDelayString = "${stackdesk.analytics.flush-interval:2s}")
    @PreDestroy
    public void flush() {
        Map<Key, long[]> counted;
        synchronized (this) {
            if (unwritten.isEmpty()) {
                return;
            }
            counted = unwritten;
            unwritten = new HashMap<>();
        }
        for (var entry : counted.entrySet()) {
            var key = entry.getKey();
            var n = entry.getValue();
            try {
                counters.add(key.form(), key.source(), key.week(), n[0], n[1], n[2]);
            } catch (DataAccessException e) {
                log.warn("Could not write the counts of form {}; trying again later: {}", key.form(), e.getMessage());
                synchronized (this) {
                    var kept = unwritten.computeIfAbsent(key, k -> new long[3]);
                    for (int i = 0; i < kept.length; i++) {
                        kept[i] += n[i];
                    }
                }
            }
        }
    }

    /** The label a count is kept under: the lead's source label, on one line and at most {@value #SOURCE_LENGTH} characters. */
    static String sourceLabel(LeadSource source) {
        var label = source.label().strip().replaceAll("\\s+", " ");
        if (label.isEmpty()) {
            return "direct";
        }
        return label.length() <= SOURCE_LENGTH ? label : label.substring(0, SOURCE_LENGTH);
    }

    /** The Monday (UTC) that starts the ISO week of now. */
    static LocalDate weekOf(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), Times.ZONE)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Views, starts and submissions of one form, week or source. */
    public record Counts(long views, long starts, long submissions) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(FormCounters.Row row) {
            return new Counts(views + row.views(), starts + row.starts(), submissions + row.submissions());
        }

        /** Submissions per view, e.g. 0.125; null without views. */
        public @Nullable Double conversion() {
            return views == 0 ? null : (double) submissions / views;
        }
    }

    /** One form's figures over the period: in all, per week (oldest first) and per source (most viewed first). */
    public record FormFigures(
            TrackedForm form, Counts total, Map<LocalDate, Counts> byWeek, Map<String, Counts> bySource) {}

    /**
     * The figures of the last {@code weeks} ISO weeks, this one included, of every form that was
     * used in them (in {@link TrackedForm} order), and the Monday the period starts on.
     */
    public record Overview(LocalDate firstWeek, List<FormFigures> forms) {}

    @PreAuthorize("hasRole('SALES')")
    public Overview lastWeeks(int weeks) {
        flush();
        var firstWeek = weekOf(clock).minusWeeks(Math.max(1, weeks) - 1L);
        var totals = new EnumMap<TrackedForm, Counts>(TrackedForm.class);
        var byWeek = new EnumMap<TrackedForm, Map<LocalDate, Counts>>(TrackedForm.class);
        var bySource = new EnumMap<TrackedForm, Map<String, Counts>>(TrackedForm.class);
        for (var row : counters.since(firstWeek)) {
            var form = TrackedForm.byId(row.form()).orElse(null);
            if (form == null) {
                continue; // a form that is no longer tracked
            }
            totals.merge(form, Counts.NONE.plus(row), (a, b) -> a.plus(row));
            byWeek.computeIfAbsent(form, f -> new TreeMap<>())
                    .merge(row.weekStart(), Counts.NONE.plus(row), (a, b) -> a.plus(row));
            bySource.computeIfAbsent(form, f -> new TreeMap<>())
                    .merge(row.source(), Counts.NONE.plus(row), (a, b) -> a.plus(row));
        }
        var forms = new ArrayList<FormFigures>();
        totals.forEach((form, total) -> {
            var sources = new LinkedHashMap<String, Counts>();
            bySource.get(form).entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Counts> e) ->
                                    e.getValue().views())
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> sources.put(e.getKey(), e.getValue()));
            forms.add(new FormFigures(form, total, byWeek.get(form), sources));
        });
        return new Overview(firstWeek, forms);
    }
}
