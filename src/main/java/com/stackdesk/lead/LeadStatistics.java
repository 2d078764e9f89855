package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** Leads per rolling week, oldest first; the last entry is the seven days up to now. */
    public record WeekCount(Instant from, long count) {}

    /** The oldest lead still waiting for a first response. */
    public record Waiting(
            long count,
            @Nullable String oldestReference,
            @Nullable Instant oldestCreatedAt) {}

    public record Overview(
            List<WeekCount> weeks,
            long unassignedOpen,
            Waiting waiting,
            @Nullable Duration medianFirstResponse,
            int firstResponsesMeasured,
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

        var weeks = new ArrayList<WeekCount>();
        for (int i = WEEKS; i >= 1; i--) {
            var from = now.minus(Duration.ofDays(7L * i));
            var to = now.minus(Duration.ofDays(7L * (i - 1)));
            weeks.add(new WeekCount(from, count(scope, "created_at >= ? AND created_at < ?", from, to)));
        }
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

        var responseTimes = new ArrayList<Duration>();
        var params = new ArrayList<>(scope.params);
        params.add(LeadSql.timestamp(now.minus(MEDIAN_WINDOW)));
        jdbc.sql("SELECT created_at, first_response_at FROM lead WHERE " + scope.where
                        + " AND created_at >= ? AND first_response_at IS NOT NULL")
                .params(params)
                .query(rs -> {
                    var created = LeadSql.instant(rs, "created_at");
                    var responded = LeadSql.instant(rs, "first_response_at");
                    if (created != null && responded != null) {
                        responseTimes.add(took(created, responded));
                    }
                });

        var chartsFrom = now.minus(Duration.ofDays(CHART_DAYS));
        var byStatus = new EnumMap<LeadStatus, Long>(LeadStatus.class);
        for (var status : LeadStatus.values()) {
            byStatus.put(status, 0L);
        }
        groupCount(scope, "status", chartsFrom).forEach((k, v) -> byStatus.put(LeadStatus.valueOf(k), v));
        var byStack = new EnumMap<StackLeaning, Long>(StackLeaning.class);
        groupCount(scope, "stack", chartsFrom).forEach((k, v) -> byStack.put(StackLeaning.valueOf(k), v));

        Map<Long, Long> openByAssignee = new LinkedHashMap<>();
        if (user.isManager()) {
            // open_assignee_id is the owner of an open lead that is not spam (Lead#updateOpenAssignee)
            jdbc.sql("SELECT open_assignee_id, COUNT(*) FROM lead WHERE " + scope.where
                            + " AND open_assignee_id IS NOT NULL"
                            + " GROUP BY open_assignee_id ORDER BY COUNT(*) DESC")
                    .params(scope.params)
                    .query(rs -> {
                        openByAssignee.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return new Overview(
                weeks,
                unassigned,
                oldest,
                median(responseTimes),
                responseTimes.size(),
                byStatus,
                byStack,
                topSources(groupCount(scope, "source_label", chartsFrom), 6),
                openByAssignee);
    }

    /**
     * First responses against their deadlines for one group of leads (a rep, a source).
     *
     * @param measured leads with a deadline that are answered, or unanswered past it (those still
     *     within their deadline are not decided yet and do not count)
     * @param inTime of those, answered by the deadline
     * @param median the median time from arrival to first response of the answered ones, in
     *     business time
     */
    public record ResponseGroup(
            String key, int measured, int inTime, @Nullable Duration median) {

        /** The share answered in time, 0 to 100; null when nothing was measured. */
        public @Nullable Integer percentInTime() {
            return measured == 0 ? null : (int) Math.round(100.0 * inTime / measured);
        }
    }

    /** First responses over the last 30 days, for everyone, per rep (by staff id, "" for unassigned) and per source. */
    public record ResponseFigures(ResponseGroup all, List<ResponseGroup> byRep, List<ResponseGroup> bySource) {}

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
        var params = new ArrayList<>(scope.params);
        params.add(LeadSql.timestamp(now.minus(MEDIAN_WINDOW)));
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

    private Map<String, Long> groupCount(LeadSql scope, String column, Instant from) {
        var counts = new LinkedHashMap<String, Long>();
        var params = new ArrayList<>(scope.params);
        params.add(LeadSql.timestamp(from));
        jdbc.sql("SELECT " + column + ", COUNT(*) FROM lead WHERE " + scope.where + " AND created_at >= ? GROUP BY "
                        + column + " ORDER BY COUNT(*) DESC")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static Map<String, Long> topSources(Map<String, Long> counts, int top) {
        var result = new LinkedHashMap<String, Long>();
        long other = 0;
        int i = 0;
        for (var entry : counts.entrySet()) {
            if (i++ < top) {
                result.put(entry.getKey(), entry.getValue());
            } else {
                other += entry.getValue();
            }
        }
        if (other > 0) {
            result.merge("other", other, Long::sum);
        }
        return result;
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
