package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, computed in SQL over what the caller may see (sales reps: their own
 * and unassigned leads; suspected spam never counts).
 */
@Service
public class LeadStatistics {

    /** Weekly bars on the dashboard; they fall within the {@link #CHART_DAYS}, read together. */
    static final int WEEKS = 8;

    static final Duration MEDIAN_WINDOW = Duration.ofDays(30);

    /** The charts by status, stack and source cover this many days: recent enough to act on, cheap at any size. */
    public static final int CHART_DAYS = 90;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectProvider<FirstResponseDeadlines> businessTime;

    LeadStatistics(
            JdbcClient jdbc,
            CurrentUser currentUser,
            Clock clock,
            ObjectProvider<FirstResponseDeadlines> businessTime) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.businessTime = businessTime;
    }

    /**
     * How long a first response took, in business time (evenings, weekends and holidays of the
     * team's calendar do not count, as for the deadline); wall-clock time without a calendar.
     */
    private Duration took(Instant created, Instant responded) {
        var calendar = businessTime.getIfAvailable();
        return calendar == null
                ? Duration.between(created, responded)
                : calendar.businessTimeBetween(created, responded);
    }

    /**
     * Leads per week of whole days in {@link Times#ZONE}, oldest first; the last entry is today and
     * the six days before, so each bar is exactly the grid's {@code from=first&to=last}.
     */
    public record WeekCount(LocalDate first, LocalDate last, long count) {}

    /** The oldest lead still waiting for a first response. */
    public record Waiting(
            long count,
            @Nullable String oldestReference,
            @Nullable Instant oldestCreatedAt) {}

    /**
     * The counts and charts of the dashboard; the median time to first response is in
     * {@link #responseFigures()}, from the same read as the other response figures.
     *
     * @param chartsFrom the first day the status, stack and source charts count
     */
    public record Overview(
            LocalDate chartsFrom,
            List<WeekCount> weeks,
            long unassignedOpen,
            Waiting waiting,
            Map<LeadStatus, Long> byStatus,
            Map<StackLeaning, Long> byStack,
            Map<String, Long> bySource,
            Map<Long, Long> openByAssignee) {

        public long thisWeek() {
            return weeks.getLast().count();
        }

        public long lastWeek() {
            return weeks.size() < 2 ? 0 : weeks.get(weeks.size() - 2).count();
        }
    }

    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Overview overview() {
        var user = currentUser.require();
        var scope = LeadSql.where(LeadFilter.NONE, user.isManager() ? null : user.staffId());
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, Times.ZONE);

        // one count per open status: each is an index lookup on (status, assignee_id), where
        // "status IN (...)" would walk every open lead
        long unassigned = 0;
        for (var status : LeadStatus.values()) {
            if (status.isOpen()) {
                unassigned += count(scope, "status = ? AND assignee_id IS NULL", status.name());
            }
        }
        long waitingCount = count(scope, "status = 'NEW' AND first_response_at IS NULL");
        var oldest = jdbc.sql("SELECT reference, created_at FROM lead WHERE " + scope.where
                        + " AND status = 'NEW' AND first_response_at IS NULL"
                        // status and first_response_at are pinned: naming them lets H2 take the first index entry
                        + " ORDER BY status, first_response_at, created_at ASC"
                        + " FETCH FIRST 1 ROWS ONLY")
                .params(scope.params)
                .query((rs, n) -> new Waiting(waitingCount, rs.getString(1), LeadSql.instant(rs, "created_at")))
                .optional()
                .orElse(new Waiting(waitingCount, null, null));

        var chartsFromDay = today.minusDays(CHART_DAYS - 1);
        var charts = charts(scope, today, chartsFromDay);

        Map<Long, Long> openByAssignee = new LinkedHashMap<>();
        if (user.isManager()) {
            // a manager's scope is every lead but spam, which open_assignee_id already leaves out
            jdbc.sql(OPEN_LOAD_SQL).query(rs -> {
                openByAssignee.put(rs.getLong(1), rs.getLong(2));
            });
        }
        return new Overview(
                chartsFromDay,
                charts.weeks(),
                unassigned,
                oldest,
                charts.byStatus(),
                charts.byStack(),
                charts.bySource(),
                openByAssignee);
    }

    /**
     * First responses against their deadlines for one group of leads (a rep, a source).
     *
     * @param measured leads with a deadline that are answered, or unanswered past it (those still
     *     within their deadline are not decided yet and do not count)
     * @param inTime of those, answered by the deadline
     * @param answered leads with a first response, deadline or not
     * @param median the median time from arrival to first response of the answered ones, in
     *     business time
     */
    public record ResponseGroup(
            String key,
            int measured,
            int inTime,
            int answered,
            @Nullable Duration median) {

        /** The share answered in time, 0 to 100; null when nothing was measured. */
        public @Nullable Integer percentInTime() {
            return measured == 0 ? null : (int) Math.round(100.0 * inTime / measured);
        }
    }

    /** First responses over the last 30 days, for everyone, per rep (by staff id, "" for unassigned) and per source. */
    public record ResponseFigures(
            LocalDate from, ResponseGroup all, List<ResponseGroup> byRep, List<ResponseGroup> bySource) {}

    /**
     * How well leads of the last {@link #MEDIAN_WINDOW} were answered: the share answered within
     * their deadline and the median time to first response, overall, per rep and per source, over
     * what the caller may see. One read of the window's leads (ix_lead_newest's range).
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public ResponseFigures responseFigures() {
        var user = currentUser.require();
        var scope = LeadSql.where(LeadFilter.NONE, user.isManager() ? null : user.staffId());
        var now = clock.instant();
        var from = LocalDate.ofInstant(now, Times.ZONE).minusDays(MEDIAN_WINDOW.toDays() - 1);
        var params = new ArrayList<>(scope.params);
        params.add(LeadSql.timestamp(startOf(from)));
        record Answer(
                String rep,
                String source,
                @Nullable Boolean inTime,
                @Nullable Duration took) {}
        var answers = new ArrayList<Answer>();
        jdbc.sql("SELECT assignee_id, source_label, created_at, first_response_at, response_due_at FROM lead WHERE "
                        + scope.where + " AND created_at >= ?")
                .params(params)
                .query(rs -> {
                    var rep = rs.getObject("assignee_id", Long.class);
                    var created = java.util.Objects.requireNonNull(LeadSql.instant(rs, "created_at"));
                    var responded = LeadSql.instant(rs, "first_response_at");
                    var due = LeadSql.instant(rs, "response_due_at");
                    Boolean inTime = null;
                    if (due != null && responded != null) {
                        inTime = !responded.isAfter(due);
                    } else if (due != null && due.isBefore(now)) {
                        inTime = false;
                    }
                    answers.add(new Answer(
                            rep == null ? "" : rep.toString(),
                            rs.getString("source_label"),
                            inTime,
                            responded == null ? null : took(created, responded)));
                });
        java.util.function.BiFunction<String, List<Answer>, ResponseGroup> group = (key, list) -> new ResponseGroup(
                key,
                (int) list.stream().filter(a -> a.inTime() != null).count(),
                (int) list.stream().filter(a -> Boolean.TRUE.equals(a.inTime())).count(),
                (int) list.stream().filter(a -> a.took() != null).count(),
                median(list.stream()
                        .map(Answer::took)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        var byRep = new java.util.TreeMap<String, List<Answer>>();
        var bySource = new java.util.TreeMap<String, List<Answer>>();
        for (var a : answers) {
            byRep.computeIfAbsent(a.rep(), k -> new ArrayList<>()).add(a);
            bySource.computeIfAbsent(a.source(), k -> new ArrayList<>()).add(a);
        }
        return new ResponseFigures(
                from,
                group.apply("all", answers),
                byRep.entrySet().stream()
                        .map(e -> group.apply(e.getKey(), e.getValue()))
                        .toList(),
                bySource.entrySet().stream()
                        .map(e -> group.apply(e.getKey(), e.getValue()))
                        .sorted(java.util.Comparator.comparingInt(ResponseGroup::measured)
                                .reversed())
                        .toList());
    }

    /** The periods a manager compares reps over, in days. */
    public static final List<Integer> REP_PERIODS = List.of(7, 30, 90);

    /**
     * Open leads per rep, most first: the owners of open leads that are not suspected spam
     * (Lead#updateOpenAssignee), counted by the database as leads change (open_lead_count, V97).
     */
    static final String OPEN_LOAD_SQL =
            "SELECT assignee_id, open_leads FROM open_lead_count WHERE open_leads > 0 ORDER BY open_leads DESC, assignee_id";

    /** The assigned leads received in a period: one range of ix_lead_newest (created_at first). */
    static final String REP_PERIOD_SQL = "SELECT assignee_id, status, created_at, first_response_at, response_due_at"
            + " FROM lead WHERE created_at >= ? AND suspected_spam <> TRUE AND assignee_id IS NOT NULL";

    /**
     * One rep's figures over a period ({@link RepFigures#from} to today).
     *
     * @param open open leads now (not bound to the period), against {@code capacity}
     * @param answered leads of the period with a first response; {@code median} is over them, in
     *     business time like the overview's median
     * @param measured leads of the period whose deadline is decided (answered, or unanswered past it)
     * @param inTime of those, answered by the deadline
     * @param closed leads of the period won or lost; {@code won} of them won
     */
    public record RepFigures(
            long staffId,
            long open,
            int answered,
            @Nullable Duration median,
            int measured,
            int inTime,
            int closed,
            int won) {

        /** Answered in time, 0 to 100; null when nothing was measured. */
        public @Nullable Integer percentInTime() {
            return measured == 0 ? null : (int) Math.round(100.0 * inTime / measured);
        }

        /** Won of closed, 0 to 100; null when none closed. */
        public @Nullable Integer winRate() {
            return closed == 0 ? null : (int) Math.round(100.0 * won / closed);
        }
    }

    /** The reps' figures for the leads received from {@code from} on (whole days in {@link Times#ZONE}). */
    public record RepPeriod(int days, LocalDate from, Map<Long, RepFigures> byRep) {}

    /**
     * Per rep: open load, median time to first response, the share answered within the deadline and
     * the win rate of the leads received in the last {@code days} days (one of {@link #REP_PERIODS}),
     * counted exactly as the grid counts the same filters. Managers get every rep; a sales rep their own.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public RepPeriod repFigures(int days) {
        if (!REP_PERIODS.contains(days)) {
            throw new IllegalArgumentException("The period is one of " + REP_PERIODS + " days, not " + days);
        }
        var user = currentUser.require();
        Long only = user.isManager() ? null : user.staffId();
        var now = clock.instant();
        var from = LocalDate.ofInstant(now, Times.ZONE).minusDays(days - 1L);
        var open = new java.util.HashMap<Long, Long>();
        jdbc.sql(OPEN_LOAD_SQL).query(rs -> {
            open.put(rs.getLong(1), rs.getLong(2));
        });
        record Row(
                long rep,
                LeadStatus status,
                Instant created,
                @Nullable Instant responded,
                @Nullable Instant due) {}
        var rows = jdbc.sql(REP_PERIOD_SQL)
                .param(LeadSql.timestamp(startOf(from)))
                .query((rs, n) -> new Row(
                        rs.getLong("assignee_id"),
                        LeadStatus.valueOf(rs.getString("status")),
                        java.util.Objects.requireNonNull(LeadSql.instant(rs, "created_at")),
                        LeadSql.instant(rs, "first_response_at"),
                        LeadSql.instant(rs, "response_due_at")))
                .list();
        var byRep = new java.util.TreeMap<Long, List<Row>>();
        rows.forEach(r -> byRep.computeIfAbsent(r.rep(), k -> new ArrayList<>()).add(r));
        open.keySet().forEach(rep -> byRep.computeIfAbsent(rep, k -> new ArrayList<>()));
        var figures = new LinkedHashMap<Long, RepFigures>();
        byRep.forEach((rep, list) -> {
            if (only != null && rep.longValue() != only) {
                return;
            }
            var took = list.stream()
                    .filter(r -> r.responded() != null)
                    .map(r -> took(r.created(), java.util.Objects.requireNonNull(r.responded())))
                    .toList();
            int measured = 0;
            int inTime = 0;
            for (var r : list) {
                if (r.due() == null) {
                    continue;
                }
                if (r.responded() != null) {
                    measured++;
                    inTime += r.responded().isAfter(r.due()) ? 0 : 1;
                } else if (r.due().isBefore(now)) {
                    measured++;
                }
            }
            int closed = (int) list.stream().filter(r -> !r.status().isOpen()).count();
            int won = (int)
                    list.stream().filter(r -> r.status() == LeadStatus.WON).count();
            figures.put(
                    rep,
                    new RepFigures(
                            rep, open.getOrDefault(rep, 0L), took.size(), median(took), measured, inTime, closed, won));
        });
        return new RepPeriod(days, from, figures);
    }

    private long count(LeadSql scope, String condition, Object... extra) {
        var params = new ArrayList<>(scope.params);
        for (var value : extra) {
            params.add(value instanceof Instant instant ? LeadSql.timestamp(instant) : value);
        }
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE " + scope.where + " AND " + condition)
                .params(params)
                .query(Long.class)
                .single();
    }

    record Charts(
            List<WeekCount> weeks,
            Map<LeadStatus, Long> byStatus,
            Map<StackLeaning, Long> byStack,
            Map<String, Long> bySource) {}

    /**
     * The weekly bars and the status, stack and source charts from one read of the chart days'
     * leads (one range of ix_lead_newest), grouped in SQL: a count per chart read the same rows
     * once each, four times at a million recent leads.
     */
    private Charts charts(LeadSql scope, LocalDate today, LocalDate chartsFrom) {
        // each weekly bar's first day, oldest first; its last is six days later
        var firsts = new ArrayList<LocalDate>();
        for (int i = WEEKS; i >= 1; i--) {
            firsts.add(today.minusDays(7L * i - 1));
        }
        var params = new ArrayList<Object>();
        // a lead stamped after today (a clock set back) is in no weekly bar, as in the grid's ranges
        params.add(LeadSql.timestamp(startOf(today.plusDays(1))));
        // newest week first: the first start a lead is not before is its week
        for (var first : firsts.reversed()) {
            params.add(LeadSql.timestamp(startOf(first)));
        }
        params.addAll(scope.params);
        params.add(LeadSql.timestamp(startOf(chartsFrom)));
        long[] perWeek = new long[WEEKS];
        var byStatus = new EnumMap<LeadStatus, Long>(LeadStatus.class);
        for (var status : LeadStatus.values()) {
            byStatus.put(status, 0L);
        }
        var byStack = new EnumMap<StackLeaning, Long>(StackLeaning.class);
        var bySource = new java.util.HashMap<String, Long>();
        jdbc.sql(chartsSql(scope.where)).params(params).query(rs -> {
            long count = rs.getLong("n");
            int week = rs.getInt("week");
            if (week > 0) {
                perWeek[week - 1] += count;
            }
            byStatus.merge(LeadStatus.valueOf(rs.getString("status")), count, Long::sum);
            byStack.merge(StackLeaning.valueOf(rs.getString("stack")), count, Long::sum);
            bySource.merge(rs.getString("source_label"), count, Long::sum);
        });
        var weeks = new ArrayList<WeekCount>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new WeekCount(firsts.get(i), firsts.get(i).plusDays(6), perWeek[i]));
        }
        var sources = new LinkedHashMap<String, Long>();
        bySource.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sources.put(e.getKey(), e.getValue()));
        return new Charts(weeks, byStatus, byStack, sources);
    }

    /**
     * The chart days' leads counted by status, stack, source and week: {@code week} is 1 for the
     * oldest of the {@link #WEEKS} weekly bars to {@code WEEKS} for the current one, 0 before them.
     * Parameters: the start of tomorrow (0 from then on), the weekly bars' first instants, newest
     * first, then the scope's, then the first chart day's start.
     */
    static String chartsSql(String scopeWhere) {
        var week = new StringBuilder("CASE WHEN created_at >= ? THEN 0");
        for (int i = WEEKS; i >= 1; i--) {
            week.append(" WHEN created_at >= ? THEN ").append(i);
        }
        week.append(" ELSE 0 END");
        return "SELECT status, stack, source_label, week, COUNT(*) AS n FROM (SELECT status, stack, source_label, "
                + week + " AS week FROM lead WHERE " + scopeWhere + " AND created_at >= ?) recent"
                + " GROUP BY status, stack, source_label, week";
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Times.ZONE).toInstant();
    }

    static @Nullable Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(mid)
                : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }
}
