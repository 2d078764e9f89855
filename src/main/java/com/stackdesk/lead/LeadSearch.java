package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds leads for the staff grid a page at a time: filtering, sorting and paging happen in SQL,
 * so no call ever loads all rows. Sales reps only ever get their own and unassigned leads.
 */
@Service
public class LeadSearch {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LeadSearch(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /**
     * A search with more matches than this is counted only this far: {@link #count} answers
     * {@code MAX_COUNTED + 1} for "more than" (the grid says so and asks for another word).
     */
    public static final long MAX_COUNTED = LeadSql.MAX_SEARCH_IDS;

    /**
     * How many leads match, within what the caller may see; for a search, at most {@link
     * #MAX_COUNTED} + 1 (meaning "more").
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public long count(LeadFilter filter) {
        var scope = scope();
        if (isSearchAlone(filter)) {
            var hits = visibleHits(filter, scope);
            if (hits != null) {
                return hits.size();
            }
        }
        if (LeadSql.selectsAllButSpam(filter, scope) && !filter.includeSpam()) {
            // COUNT(*) without a condition is a constant-time lookup; spam is a small indexed range
            long all = jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
            long spam = jdbc.sql("SELECT COUNT(*) FROM lead WHERE suspected_spam = TRUE")
                    .query(Long.class)
                    .single();
            return all - spam;
        }
        var search = matchedIds(filter);
        var sql = LeadSql.where(filter, scope, search);
        if (search != null && search.ids() == null) {
            // a word most leads have ("gmail" at a million leads): counted up to just past the
            // limit, one index lookup per lead, instead of every lead's
            return jdbc.sql("SELECT id FROM lead WHERE " + sql.where + " FETCH FIRST " + (MAX_COUNTED + 1)
                            + " ROWS ONLY")
                    .params(sql.params)
                    .query(LeadSql::countRows);
        }
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE " + sql.where)
                .params(sql.params)
                .query(Long.class)
                .single();
    }

    /** One page of matching leads in the given order (newest first when none is given). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<LeadRow> page(LeadFilter filter, List<LeadOrder> orders, int offset, int limit) {
        var scope = scope();
        if (isSearchAlone(filter) && (orders.isEmpty() || orders.equals(List.of(LeadOrder.NEWEST_FIRST)))) {
            var hits = visibleHits(filter, scope);
            if (hits != null) {
                // the index entries already say which matches come first: read only the page's rows
                var pageIds = hits.stream()
                        .sorted(Comparator.comparing(SearchHit::createdAt)
                                .reversed()
                                .thenComparing(SearchHit::id))
                        .skip(offset)
                        .limit(limit)
                        .map(SearchHit::id)
                        .toArray(Long[]::new);
                if (pageIds.length == 0) {
                    return List.of();
                }
                return jdbc.sql("SELECT " + LeadSql.ROW_COLUMNS
                                + " FROM lead WHERE id = ANY(?) ORDER BY created_at DESC, id ASC")
                        .param(pageIds)
                        .query(LeadSql::row)
                        .list();
            }
        }
        var sql = LeadSql.where(filter, scope, matchedIds(filter));
        var params = new ArrayList<>(sql.params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT " + LeadSql.ROW_COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY "
                        + LeadSql.orderBy(orders, filter) + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query(LeadSql::row)
                .list();
    }

    /**
     * The ids and versions of up to {@code max} matching leads the caller may see, in no order:
     * what a bulk change over "all matching" works through ({@link LeadBulkWork}).
     */
    List<LeadVersion> matchingVersions(LeadFilter filter, int max) {
        var sql = LeadSql.where(filter, scope(), matchedIds(filter));
        var params = new ArrayList<>(sql.params);
        params.add(max);
        return jdbc.sql("SELECT id, version FROM lead WHERE " + sql.where + " FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query((rs, n) -> new LeadVersion(rs.getLong("id"), rs.getLong("version")))
                .list();
    }

    /**
     * The leads just before and just after one lead in a list, as references (null at either end):
     * the list the grid shows for this filter and order, within what the caller may see. The lead
     * itself need not match the filter any more (a NEW lead just moved to Contacted still has its
     * place in "status=NEW"). Leads tied in every sorted column follow each other by id, in the
     * order they were stored. Each step is a keyset query ("the first lead after these values") read in index order.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Neighbours neighbours(LeadFilter filter, List<LeadOrder> orders, String reference) {
        var terms = LeadSql.orderTerms(orders, filter);
        var columns = sortedColumns(terms);
        var current = keyOf(reference, columns);
        if (current.isEmpty()) {
            return new Neighbours(null, null);
        }
        var where = LeadSql.where(filter, scope(), matchedIds(filter));
        var backwards = terms.stream().map(LeadSql.OrderTerm::reversed).toList();
        return new Neighbours(
                neighbour(where, backwards, columns, current.get(), false),
                neighbour(where, terms, columns, current.get(), true));
    }

    /**
     * How many leads come before {@code reference} in the list of this filter and order (its row
     * index in the grid, where it is or would be), or -1 when there is no such lead. Counted from
     * the same keyset conditions as {@link #neighbours}.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public long position(LeadFilter filter, List<LeadOrder> orders, String reference) {
        var terms = LeadSql.orderTerms(orders, filter);
        var columns = sortedColumns(terms);
        var current = keyOf(reference, columns);
        if (current.isEmpty()) {
            return -1;
        }
        var where = LeadSql.where(filter, scope(), matchedIds(filter));
        var backwards = terms.stream().map(LeadSql.OrderTerm::reversed).toList();
        var same = LeadSql.equalTo(terms, current.get().values());
        long before = count(
                where,
                same.where + " AND id < ?",
                params(same.params, current.get().id()));
        var earlier = LeadSql.after(backwards, current.get().values());
        return earlier == null ? before : before + count(where, earlier.where, earlier.params);
    }

    private long count(LeadSql where, String condition, List<Object> conditionParams) {
        var params = new ArrayList<>(where.params);
        params.addAll(conditionParams);
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE " + where.where + " AND " + condition)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The two leads around one in a list; null at an end of it. */
    public record Neighbours(
            @Nullable String previous, @Nullable String next) {}

    /** A lead's place in a list: its id, reference and the values of the sorted columns. */
    private record ListKey(long id, String reference, Map<String, @Nullable Object> values) {}

    /** The columns a list is ordered by that a filter does not pin to one value. */
    private static List<String> sortedColumns(List<LeadSql.OrderTerm> terms) {
        return terms.stream()
                .filter(t -> !t.pinned())
                .map(LeadSql.OrderTerm::column)
                .distinct()
                .toList();
    }

    /** The lead's values in those columns, if there is such a lead. */
    private java.util.Optional<ListKey> keyOf(String reference, List<String> columns) {
        return jdbc.sql("SELECT id, reference, " + String.join(", ", columns) + " FROM lead WHERE reference = ?")
                .param(reference)
                .query((rs, n) -> keyOf(rs, columns))
                .optional();
    }

    private static ListKey keyOf(java.sql.ResultSet rs, List<String> columns) throws java.sql.SQLException {
        var values = new HashMap<String, @Nullable Object>();
        for (var column : columns) {
            values.put(column, rs.getObject(column));
        }
        return new ListKey(rs.getLong("id"), rs.getString("reference"), values);
    }

    /** The next lead after {@code from} in the order of {@code terms} ({@code forward}: ties by id upwards). */
    private @Nullable String neighbour(
            LeadSql where, List<LeadSql.OrderTerm> terms, List<String> columns, ListKey from, boolean forward) {
        // ties in index order: H2's and PostgreSQL's indexes hold equal keys by row id (the grid's
        // order, too, where it does not say)
        var tieOrder = forward ? "id ASC" : "id DESC";
        // a lead tied with this one in every sorted column comes first
        var same = LeadSql.equalTo(terms, from.values());
        var tie = first(
                where,
                same.where + " AND id " + (forward ? "> ?" : "< ?"),
                params(same.params, from.id()),
                tieOrder,
                columns);
        if (tie != null) {
            return tie.reference();
        }
        var after = LeadSql.after(terms, from.values());
        if (after == null) {
            return null;
        }
        var order = new java.util.StringJoiner(", ");
        terms.forEach(t -> order.add(t.sql()));
        var found = first(where, after.where, after.params, order.toString(), columns);
        if (found == null) {
            return null;
        }
        // and of the leads tied with the one found, the first by id
        var itsTies = LeadSql.equalTo(terms, found.values());
        var firstOfThem = first(where, itsTies.where, itsTies.params, tieOrder, columns);
        return firstOfThem == null ? found.reference() : firstOfThem.reference();
    }

    private @Nullable ListKey first(
            LeadSql where, String condition, List<Object> conditionParams, String orderBy, List<String> columns) {
        var params = new ArrayList<>(where.params);
        params.addAll(conditionParams);
        return jdbc.sql(LeadSql.first(columns, where.where + " AND " + condition, orderBy))
                .params(params)
                .query((rs, n) -> keyOf(rs, columns))
                .optional()
                .orElse(null);
    }

    private static List<Object> params(List<Object> first, Object last) {
        var all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    /** The distinct source labels of the leads the caller may see, for the filter's choices. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<String> sources() {
        var scope = scope();
        if (scope == null) {
            return jdbc.sql("SELECT DISTINCT source_label FROM lead ORDER BY source_label")
                    .query(String.class)
                    .list();
        }
        return jdbc.sql("SELECT DISTINCT source_label FROM lead"
                        + " WHERE assignee_id IS NULL OR assignee_id = ? ORDER BY source_label")
                .param(scope)
                .query(String.class)
                .list();
    }

    /** One match of a search, as the search indexes hold it. */
    private record SearchHit(
            long id,
            Instant createdAt,
            boolean spam,
            @Nullable Long assigneeId) {}

    /** Whether the filter is a search box entry and nothing else (the usual search). */
    private static boolean isSearchAlone(LeadFilter filter) {
        return filter.query() != null
                && filter.toBuilder().query(null).includeSpam(false).build().equals(LeadFilter.NONE);
    }

    /**
     * The search's matches the caller may see, with what counting and ordering them needs (null
     * when there are too many): the matching ids first, then their leads by primary key. One query
     * joining the two would let H2 read every lead and look for its terms.
     */
    private @Nullable List<SearchHit> visibleHits(LeadFilter filter, @Nullable Long scope) {
        var ids = java.util.Objects.requireNonNull(matchedIds(filter)).ids();
        if (ids == null) {
            return null;
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        var hits = jdbc.sql("SELECT id, created_at, suspected_spam, assignee_id FROM lead WHERE id = ANY(?)")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> new SearchHit(
                        rs.getLong("id"),
                        java.util.Objects.requireNonNull(LeadSql.instant(rs, "created_at")),
                        rs.getBoolean("suspected_spam"),
                        rs.getObject("assignee_id", Long.class)))
                .list();
        return hits.stream()
                .filter(h -> filter.includeSpam() || !h.spam())
                .filter(h -> scope == null
                        || h.assigneeId() == null
                        || h.assigneeId().equals(scope))
                .toList();
    }

    /** The filter's search, with its matches as ids when there are few enough to list (null without a search). */
    private LeadSql.@Nullable Search matchedIds(LeadFilter filter) {
        if (filter.query() == null) {
            return null;
        }
        var query = LeadSql.rarestFirst(jdbc, LeadSearchTerms.query(filter.query()));
        var ids = jdbc.sql(LeadSql.searchIds(query) + " FETCH FIRST " + (LeadSql.MAX_SEARCH_IDS + 1) + " ROWS ONLY")
                .params(LeadSql.searchParams(query))
                .query(Long.class)
                .list();
        return new LeadSql.Search(query, ids.size() > LeadSql.MAX_SEARCH_IDS ? null : ids);
    }

    /** Null for managers and admins (everything), else the rep whose own and unassigned leads are visible. */
    private @Nullable Long scope() {
        var user = currentUser.require();
        return user.isManager() ? null : user.staffId();
    }
}
