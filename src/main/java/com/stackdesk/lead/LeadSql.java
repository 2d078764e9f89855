package com.stackdesk.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place that turns a {@link LeadFilter} and the caller's scope into SQL. Every condition
 * has an index behind it (migration V11); the search matches the starts of the lead's search
 * terms ({@link LeadSearchTerms}, table {@code lead_search_term}), one indexed range per word,
 * because an OR across columns or a '%term%' pattern would scan every row.
 */
final class LeadSql {

    static final String ROW_COLUMNS = "id, reference, kind, first_name, last_name, email, company, stack, status,"
            + " created_at, assignee_id, first_response_at, source_label, suspected_spam, response_due_at,"
            + " follow_up_text, follow_up_at, next_due_at, version, call_at";

    final String where;
    final List<Object> params;

    private LeadSql(String where, List<Object> params) {
        this.where = where;
        this.params = params;
    }

    /** Above this many matches a search runs as a subquery instead of a list of ids. */
    static final int MAX_SEARCH_IDS = 20_000;

    /**
     * The ids (column {@code lead_id}) of leads that match the query ({@link LeadSearchTerms}): the
     * first word's indexed range of {@code lead_search_term}, each lead in it checked for the other
     * words through the (lead_id, term) index (V94), and the phone's range added. The caller puts
     * the rarest word first ({@link #rarestFirst}): "zoe.123" at a million leads named
     * Zoë reads the few thousand terms starting with "123", not a million starting with "zoe".
     * The caller passes the ids to {@link #where} as a list, because H2 re-runs an IN (SELECT ...)
     * subquery for every row it checks.
     */
    static String searchIds(LeadSearchTerms.Query query) {
        if (query.matchesNothing()) {
            return "SELECT t.lead_id FROM lead_search_term t WHERE 1=0";
        }
        // DISTINCT: a lead has several terms that may start with the first word (its company
        // "fjord" and its email's domain "fjord.example")
        var select = "SELECT DISTINCT t.lead_id FROM lead_search_term t WHERE t.term LIKE ? ESCAPE '\\'";
        if (query.words().isEmpty()) {
            return select;
        }
        var words = new StringBuilder(select);
        for (int i = 1; i < query.words().size(); i++) {
            words.append(" AND EXISTS (SELECT 1 FROM lead_search_term o")
                    .append(i)
                    .append(" WHERE o")
                    .append(i)
                    .append(".lead_id = t.lead_id AND o")
                    .append(i)
                    .append(".term LIKE ? ESCAPE '\\')");
        }
        return query.phone() == null ? words.toString() : words + " UNION " + select;
    }

    /**
     * The condition "this lead (table {@code lead}) matches the query": one (lead_id, term) index
     * lookup per word, and the phone's as an alternative; parameters as {@link #searchParams}.
     */
    static String hasTerms(LeadSearchTerms.Query query) {
        if (query.matchesNothing()) {
            return "1=0";
        }
        var term = "EXISTS (SELECT 1 FROM lead_search_term s WHERE s.lead_id = lead.id AND s.term LIKE ? ESCAPE '\\')";
        var words =
                String.join(" AND ", java.util.Collections.nCopies(query.words().size(), term));
        if (query.phone() == null) {
            return "(" + words + ")";
        }
        return query.words().isEmpty() ? term : "((" + words + ") OR " + term + ")";
    }

    /** How many rows a result has, counted as they are read (a bounded query's COUNT(*) without a subquery). */
    static long countRows(ResultSet rs) throws SQLException {
        long rows = 0;
        while (rs.next()) {
            rows++;
        }
        return rows;
    }

    /**
     * The query with its rarest word first, the one {@link #searchIds} reads a range of: each
     * word's range is counted up to just past {@link #MAX_SEARCH_IDS} terms (a few milliseconds of
     * index each), ties keeping the typed order.
     */
    static LeadSearchTerms.Query rarestFirst(JdbcClient jdbc, LeadSearchTerms.Query query) {
        if (query.words().size() < 2) {
            return query;
        }
        var terms = new java.util.HashMap<String, Long>();
        for (var word : query.words()) {
            // the rows counted here, not by COUNT(*) over a subquery: H2 reads no index range for a
            // parameter's LIKE inside a subquery, and would scan the whole table for a rare word
            terms.put(
                    word,
                    jdbc.sql("SELECT lead_id FROM lead_search_term WHERE term LIKE ? ESCAPE '\\'" + " FETCH FIRST "
                                    + (MAX_SEARCH_IDS + 1) + " ROWS ONLY")
                            .param(LeadSearchTerms.prefixPattern(word))
                            .query(LeadSql::countRows));
        }
        var words = query.words().stream()
                .sorted(java.util.Comparator.comparing(terms::get))
                .toList();
        return new LeadSearchTerms.Query(words, query.phone());
    }

    static List<Object> searchParams(LeadSearchTerms.Query query) {
        return List.copyOf(query.patterns());
    }

    /** The WHERE clause without a search, for figures over everything a caller may see. */
    static LeadSql where(LeadFilter filter, @Nullable Long onlyOwnAndUnassignedOf) {
        return where(filter, onlyOwnAndUnassignedOf, null);
    }

    /**
     * A search looked up before its query: the words rarest first ({@link #rarestFirst}) and, when
     * there are few enough to list, the matching ids.
     */
    record Search(LeadSearchTerms.Query query, @Nullable List<Long> ids) {}

    /**
     * The WHERE clause (without the keyword; "1=1" when nothing narrows) and its parameters.
     * {@code search} is the filter's search when the caller looked it up first: its ids when it
     * has them, else a subquery in its words' order; without it, a subquery in the typed order.
     */
    static LeadSql where(LeadFilter filter, @Nullable Long onlyOwnAndUnassignedOf, @Nullable Search search) {
        var conditions = new StringJoiner(" AND ");
        var params = new ArrayList<Object>();
        if (onlyOwnAndUnassignedOf != null) {
            conditions.add("(assignee_id = ? OR assignee_id IS NULL)");
            params.add(onlyOwnAndUnassignedOf);
        }
        if (!filter.includeSpam()) {
            // "<> TRUE", not "= FALSE": see migration V11 for why no index may serve this
            conditions.add("suspected_spam <> TRUE");
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.stack() != null) {
            conditions.add("stack = ?");
            params.add(filter.stack().name());
        }
        if (filter.open() != null) {
            // the statuses are the enum's own names: no parameter needed, and H2 reads one index range per status
            conditions.add("status IN ("
                    + java.util.Arrays.stream(LeadStatus.values())
                            .filter(s -> s.isOpen() == filter.open())
                            .map(s -> "'" + s.name() + "'")
                            .collect(java.util.stream.Collectors.joining(", "))
                    + ")");
        }
        if (filter.response() != null) {
            switch (filter.response().state()) {
                case NONE -> conditions.add("first_response_at IS NULL");
                case ANSWERED -> conditions.add("first_response_at IS NOT NULL");
                case IN_TIME ->
                    conditions.add("response_due_at IS NOT NULL AND first_response_at IS NOT NULL"
                            + " AND first_response_at <= response_due_at");
                case LATE -> {
                    conditions.add("response_due_at IS NOT NULL AND (first_response_at > response_due_at"
                            + " OR (first_response_at IS NULL AND response_due_at < ?))");
                    params.add(timestamp(filter.response().asOf()));
                }
                case MEASURED -> {
                    conditions.add("response_due_at IS NOT NULL"
                            + " AND (first_response_at IS NOT NULL OR response_due_at < ?)");
                    params.add(timestamp(filter.response().asOf()));
                }
            }
        }
        if (filter.lostReason() != null) {
            // ix_lead_lost_reason_newest (V93): one range, read newest first
            conditions.add("status = 'LOST'");
            if (LostReasons.NOT_GIVEN.equals(filter.lostReason())) {
                conditions.add("lost_reason_label IS NULL");
            } else {
                conditions.add("lost_reason_label = ?");
                params.add(filter.lostReason());
            }
        }
        if (filter.callBooked()) {
            conditions.add("call_at IS NOT NULL");
        }
        if (filter.kind() != null) {
            conditions.add("kind = ?");
            params.add(filter.kind().name());
        }
        var assignee = filter.assignee();
        if (assignee != null) {
            if (assignee.isUnassigned()) {
                conditions.add("assignee_id IS NULL");
            } else {
                conditions.add("assignee_id = ?");
                params.add(assignee.staffId());
            }
        }
        if (filter.createdFrom() != null) {
            conditions.add("created_at >= ?");
            params.add(timestamp(filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            conditions.add("created_at < ?");
            params.add(timestamp(filter.createdBefore()));
        }
        if (filter.source() != null) {
            conditions.add("source_label = ?");
            params.add(filter.source());
        }
        if (filter.due() != null) {
            // ix_lead_next_due: only leads with something due have a value; overdue starts at the
            // epoch, as H2 puts the NULLs first and from an upper bound alone read them all
            if (filter.due().overdue()) {
                conditions.add("next_due_at >= ? AND next_due_at < ?");
                params.add(timestamp(Instant.EPOCH));
            } else {
                conditions.add("next_due_at >= ?");
            }
            params.add(timestamp(filter.due().asOf()));
        }
        if (filter.ids() != null) {
            conditions.add(filter.ids().isEmpty() ? "1=0" : "id = ANY(?)");
            if (!filter.ids().isEmpty()) {
                params.add(filter.ids().toArray(Long[]::new));
            }
        }
        if (filter.query() != null) {
            var matchedIds = search == null ? null : search.ids();
            if (matchedIds != null) {
                conditions.add(matchedIds.isEmpty() ? "1=0" : "id = ANY(?)");
                if (!matchedIds.isEmpty()) {
                    params.add(matchedIds.toArray(Long[]::new));
                }
            } else {
                // too many matches to list: each lead is checked for the words, so a page read in an
                // order's index stops after its rows (an IN (SELECT ...) reads every match first)
                var query = search != null ? search.query() : LeadSearchTerms.query(filter.query());
                conditions.add(hasTerms(query));
                params.addAll(searchParams(query));
            }
        }
        var where = conditions.length() == 0 ? "1=1" : conditions.toString();
        return new LeadSql(where, params);
    }

    /** Whether this selects every non-spam lead: the count can then be taken from the fast total. */
    static boolean selectsAllButSpam(LeadFilter filter, @Nullable Long onlyOwnAndUnassignedOf) {
        return onlyOwnAndUnassignedOf == null
                && filter.toBuilder().includeSpam(false).build().equals(LeadFilter.NONE);
    }

    static String orderBy(List<LeadOrder> orders, LeadFilter filter) {
        var joiner = new StringJoiner(", ");
        orderTerms(orders, filter).forEach(term -> joiner.add(term.sql()));
        return joiner.toString();
    }

    /**
     * One term of the grid's ORDER BY: a column, its direction, where its nulls go (null: no NULLS
     * clause, the column holds none here) and whether the filter pins it to one value (then it only
     * helps H2 see an index's order, and a keyset leaves it out).
     */
    record OrderTerm(
            String column, boolean ascending, @Nullable Boolean nullsFirst, boolean pinned) {

        String sql() {
            return column
                    + (ascending ? " ASC" : " DESC")
                    + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }

        /** The same column read the other way round: the list backwards. */
        OrderTerm reversed() {
            return new OrderTerm(column, !ascending, nullsFirst == null ? null : !nullsFirst, pinned);
        }

        /** "Comes after {@code value} in this order", or null when nothing can. */
        @Nullable
        String after(@Nullable Object value, List<Object> params) {
            if (value == null) {
                return Boolean.TRUE.equals(nullsFirst) ? column + " IS NOT NULL" : null;
            }
            params.add(value);
            var beyond = column + (ascending ? " > ?" : " < ?");
            return Boolean.FALSE.equals(nullsFirst) ? "(" + beyond + " OR " + column + " IS NULL)" : beyond;
        }

        String equalTo(@Nullable Object value, List<Object> params) {
            if (value == null) {
                return column + " IS NULL";
            }
            params.add(value);
            return column + " = ?";
        }
    }

    /** The grid's order as terms, the same {@link #orderBy} writes. */
    static List<OrderTerm> orderTerms(List<LeadOrder> orders, LeadFilter filter) {
        // what is due is listed soonest first unless asked otherwise, read in order from ix_lead_next_due
        var effective = orders.isEmpty()
                ? List.of(filter.due() != null ? LeadOrder.DUE_FIRST : LeadOrder.NEWEST_FIRST)
                : orders;
        var terms = new ArrayList<OrderTerm>();
        if (effective.getFirst().equals(LeadOrder.NEWEST_FIRST)) {
            // columns the filter pins to one value do not change the order; naming them first
            // lets H2 read the page straight from the matching index (see migration V11)
            if (filter.status() != null && filter.stack() != null) {
                terms.add(new OrderTerm("status", true, null, true));
                terms.add(new OrderTerm("stack", true, null, true));
            } else if (filter.lostReason() != null) {
                terms.add(new OrderTerm("status", true, null, true));
                terms.add(new OrderTerm("lost_reason_label", true, null, true));
            } else if (filter.assignee() != null) {
                terms.add(new OrderTerm("assignee_id", true, null, true));
            } else if (filter.source() != null) {
                terms.add(new OrderTerm("source_label", true, null, true));
            }
        } else if (effective.getFirst().equals(LeadOrder.DUE_FIRST) && filter.assignee() != null) {
            // one rep's (or nobody's) due leads: ix_lead_assignee_next_due, in order
            terms.add(new OrderTerm("assignee_id", true, null, true));
        }
        for (var order : effective) {
            // NULLS FIRST/LAST only where a column can be null: on NOT NULL columns it would keep
            // H2 from reading the rows in index order and stopping after the page
            Boolean nullsFirst = order.field().nullable ? order.ascending() : null;
            if (order.field() == LeadOrder.Field.DUE) {
                // nothing due goes last either way; under a due filter there is no null to place,
                // and no NULLS clause lets H2 read the page in ix_lead_next_due's order
                nullsFirst = filter.due() != null ? null : !order.ascending();
            }
            terms.add(new OrderTerm(order.field().column, order.ascending(), nullsFirst, false));
        }
        if (effective.stream().noneMatch(o -> o.field() == LeadOrder.Field.CREATED_AT)) {
            terms.add(new OrderTerm("created_at", false, null, false));
        }
        return terms;
    }

    /**
     * The condition "comes strictly after the lead with these column values" in the order of {@code
     * terms} (pinned terms left out): for terms a, b, c it is {@code a > ? OR (a = ? AND b > ?) OR (a
     * = ? AND b = ? AND c > ?)}, with the first term's own range in front so an index serves it.
     * Null when no lead can come after.
     */
    static @Nullable LeadSql after(List<OrderTerm> terms, java.util.Map<String, @Nullable Object> values) {
        var keys = terms.stream().filter(t -> !t.pinned()).toList();
        var params = new ArrayList<Object>();
        var alternatives = new StringJoiner(" OR ");
        for (int i = 0; i < keys.size(); i++) {
            var branchParams = new ArrayList<Object>();
            var branch = new StringJoiner(" AND ");
            for (int j = 0; j < i; j++) {
                branch.add(keys.get(j).equalTo(values.get(keys.get(j).column()), branchParams));
            }
            var after = keys.get(i).after(values.get(keys.get(i).column()), branchParams);
            if (after == null) {
                continue; // nothing comes after this value of the term
            }
            branch.add(after);
            params.addAll(branchParams);
            alternatives.add(i == 0 ? after : "(" + branch + ")");
        }
        if (alternatives.length() == 0) {
            return null;
        }
        var first = keys.getFirst();
        var firstValue = values.get(first.column());
        if (keys.size() > 1 && firstValue != null && !Boolean.FALSE.equals(first.nullsFirst())) {
            // the first term's range on its own, which H2 and PostgreSQL read as an index range
            var range = new ArrayList<Object>();
            range.add(firstValue);
            range.addAll(params);
            return new LeadSql(
                    first.column() + (first.ascending() ? " >= ?" : " <= ?") + " AND (" + alternatives + ")", range);
        }
        return new LeadSql(keys.size() > 1 ? "(" + alternatives + ")" : alternatives.toString(), params);
    }

    /** The condition "has these values in every term of the order" (pinned terms left out). */
    static LeadSql equalTo(List<OrderTerm> terms, java.util.Map<String, @Nullable Object> values) {
        var params = new ArrayList<Object>();
        var conditions = new StringJoiner(" AND ");
        terms.stream().filter(t -> !t.pinned()).forEach(t -> conditions.add(t.equalTo(values.get(t.column()), params)));
        return new LeadSql(conditions.toString(), params);
    }

    /** The first lead by {@code orderBy} that meets {@code where}: its id, reference and {@code columns}. */
    static String first(List<String> columns, String where, String orderBy) {
        return "SELECT id, reference" + (columns.isEmpty() ? "" : ", " + String.join(", ", columns))
                + " FROM lead WHERE " + where + " ORDER BY " + orderBy + " FETCH FIRST 1 ROWS ONLY";
    }

    static Object timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LeadRow row(ResultSet rs, int rowNum) throws SQLException {
        return new LeadRow(
                rs.getLong("id"),
                rs.getString("reference"),
                LeadKind.valueOf(rs.getString("kind")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("company"),
                StackLeaning.valueOf(rs.getString("stack")),
                LeadStatus.valueOf(rs.getString("status")),
                java.util.Objects.requireNonNull(instant(rs, "created_at")),
                rs.getObject("assignee_id", Long.class),
                instant(rs, "first_response_at"),
                rs.getString("source_label"),
                rs.getBoolean("suspected_spam"),
                instant(rs, "response_due_at"),
                rs.getString("follow_up_text"),
                instant(rs, "follow_up_at"),
                instant(rs, "next_due_at"),
                rs.getLong("version"),
                instant(rs, "call_at"));
    }
}
