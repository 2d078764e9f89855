package com.stackdesk.workspace;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.LeadFilterParameters;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each staff member's saved views of the leads grid ("My new Go leads"), and the built-in ones
 * every rep starts with. A view is the grid's query string, checked by the one filter parser
 * ({@link LeadFilterParameters#parse}) before it is stored, so a saved view always opens.
 */
@Service
public class SavedViews {

    /** Longest name, as the column allows. */
    public static final int NAME_LIMIT = 60;

    /** Most views one person keeps: the side navigation lists them all. */
    public static final int PER_PERSON = 20;

    static final int QUERY_LIMIT = 1000;

    /** The URL parameters a view may carry: the grid's filters and its sort. */
    private static final Set<String> PARAMETERS = Set.of(
            "status",
            "kind",
            "stack",
            "assignee",
            "from",
            "to",
            "source",
            "q",
            "spam",
            "sort",
            "call",
            "due",
            "lostReason");

    /**
     * What a rep works from every day; the triage views list the oldest waiting lead first
     * ({@code sort=created_at}), the overdue one what is most overdue first (the due filter's order).
     */
    public static final List<SavedView> BUILT_IN = List.of(
            new SavedView(null, "My new leads, oldest first", "assignee=me&status=NEW&sort=created_at"),
            new SavedView(null, "Unassigned, oldest first", "assignee=none&sort=created_at"),
            new SavedView(null, "Overdue", "due=overdue"));

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in person's own views, by name. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<SavedView> mine() {
        return jdbc.sql("SELECT id, name, query FROM saved_view WHERE staff_id = ? ORDER BY name")
                .param(currentUser.require().staffId())
                .query((rs, n) -> new SavedView(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
                .list();
    }

    /** Saves the grid's query string under a name of the signed-in person's. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public SavedView save(String name, String query) {
        var user = currentUser.require();
        var cleanName = name(name);
        var cleanQuery = query(query, user.staffId());
        long count = jdbc.sql("SELECT COUNT(*) FROM saved_view WHERE staff_id = ?")
                .param(user.staffId())
                .query(Long.class)
                .single();
        if (count >= PER_PERSON) {
            throw new SavedViewRefused("You have " + PER_PERSON + " saved views: delete one to save another.");
        }
        requireFreeName(user.staffId(), cleanName, null);
        try {
            jdbc.sql("INSERT INTO saved_view (staff_id, name, query, created_at) VALUES (?, ?, ?, ?)")
                    .params(
                            user.staffId(),
                            cleanName,
                            cleanQuery,
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(cleanName);
        }
        return find(user.staffId(), cleanName).orElseThrow();
    }

    /** Gives one of the signed-in person's views another name. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public SavedView rename(long id, String name) {
        var user = currentUser.require();
        var cleanName = name(name);
        requireFreeName(user.staffId(), cleanName, id);
        int changed;
        try {
            changed = jdbc.sql("UPDATE saved_view SET name = ? WHERE id = ? AND staff_id = ?")
                    .params(cleanName, id, user.staffId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(cleanName);
        }
        if (changed == 0) {
            throw new SavedViewRefused("That view is no longer there.");
        }
        return find(user.staffId(), cleanName).orElseThrow();
    }

    /** Deletes one of the signed-in person's views (someone else's is left alone). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void delete(long id) {
        jdbc.sql("DELETE FROM saved_view WHERE id = ? AND staff_id = ?")
                .params(id, currentUser.require().staffId())
                .update();
    }

    private Optional<SavedView> find(long staffId, String name) {
        return jdbc.sql("SELECT id, name, query FROM saved_view WHERE staff_id = ? AND name = ?")
                .params(staffId, name)
                .query((rs, n) -> new SavedView(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
                .optional();
    }

    private void requireFreeName(long staffId, String name, Long exceptId) {
        var lower = name.toLowerCase(Locale.ROOT);
        boolean builtIn = BUILT_IN.stream()
                .anyMatch(v -> v.name().toLowerCase(Locale.ROOT).equals(lower));
        boolean taken = jdbc.sql("SELECT id, name FROM saved_view WHERE staff_id = ?")
                .param(staffId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return (exceptId == null || id != exceptId)
                            && rs.getString("name").toLowerCase(Locale.ROOT).equals(lower);
                })
                .list()
                .contains(true);
        if (builtIn || taken) {
            throw nameTaken(name);
        }
    }

    private static SavedViewRefused nameTaken(String name) {
        return new SavedViewRefused("You already have a view called \u201c" + name + "\u201d: choose another name.");
    }

    private static String name(String name) {
        var clean = name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new SavedViewRefused("Give the view a name.");
        }
        if (clean.length() > NAME_LIMIT) {
            throw new SavedViewRefused("Keep the name under " + NAME_LIMIT + " characters.");
        }
        return clean;
    }

    /** The query as the grid reads it, with nothing it would ignore. */
    static String query(String query, long staffId) {
        var raw = query.startsWith("?") ? query.substring(1) : query;
        if (raw.length() > QUERY_LIMIT) {
            throw new SavedViewRefused("This filter is too long to save.");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (var pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var key = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!PARAMETERS.contains(key)) {
                throw new SavedViewRefused(
                        "A view keeps the grid's filters and sort only, not \u201c" + key + "\u201d.");
            }
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        // usernames are looked up when the view opens; here only their form matters
        var parsed = LeadFilterParameters.parse(parameters, staffId, username -> Optional.of(0L));
        if (parsed.hasProblems()) {
            throw new SavedViewRefused("This filter cannot be saved: " + parsed.describeProblems() + ".");
        }
        return raw;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SavedViewRefused("This filter is not a readable link.");
        }
    }
}
