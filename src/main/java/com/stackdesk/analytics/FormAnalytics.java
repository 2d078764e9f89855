package com.stackdesk.analytics;

import com.stackdesk.analytics.internal.FormCounters;
import com.stackdesk.base.Times;
import com.stackdesk.lead.LeadSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts views, starts and submissions of each {@link TrackedForm} per source and ISO week, and
 * reads them back for the dashboard. Counting is open to anonymous callers by design (visitors
 * are not signed in) and keeps nothing about the visitor: the source is the label a lead would
 * get (UTM source, else the referrer's host, else "direct"), the week the current Monday (UTC).
 */
@Service
public class FormAnalytics {

    /** The longest source label kept; longer ones are cut. */
    public static final int SOURCE_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(FormAnalytics.class);

    private final FormCounters counters;
    private final Clock clock;

    FormAnalytics(FormCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Counts one event of the form for the visitor's source, this week. A failure is logged and
     * swallowed: a counter never stands between a visitor and their request.
     */
    public void count(TrackedForm form, FormEvent event, LeadSource source) {
        var column =
                switch (event) {
                    case VIEW -> FormCounters.Column.VIEWS;
                    case START -> FormCounters.Column.STARTS;
                    case SUBMISSION -> FormCounters.Column.SUBMISSIONS;
                };
        try {
            counters.increment(form.id(), sourceLabel(source), weekOf(clock), column);
        } catch (DataAccessException e) {
            log.warn("Could not count a {} of form {}: {}", event, form.id(), e.getMessage());
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
    @Transactional(readOnly = true)
    public Overview lastWeeks(int weeks) {
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
