package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Why leads are lost: a list managers and admins edit (table {@code lost_reason}, seeded with
 * Budget, Chose another vendor, No response, Timing, Not a fit), plus {@link #OTHER} with the rep's
 * own words, which is always offered and never stored in the list. A lost lead keeps the label it
 * was lost under, so the counts per reason survive edits to the list.
 */
@Service
public class LostReasons {

    /** The reason that is always there: the rep says why in their own words. */
    public static final String OTHER = "Other";

    /** The longest label (the column's size). */
    public static final int MAX_LABEL = 100;

    /** What the count per reason calls leads lost before reasons were counted. */
    public static final String NOT_GIVEN = "Not given";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LostReasons(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The list's labels in the order the admin gave them, without {@link #OTHER}. */
    @PreAuthorize("hasAnyRole('SALES', 'MANAGER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> labels() {
        return jdbc.sql("SELECT label FROM lost_reason ORDER BY position, label")
                .query(String.class)
                .list();
    }

    /** Adds a reason at the end of the list; refuses a blank, over-long, reserved or repeated label. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Transactional
    public void add(String label) {
        var clean = label.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("Type the reason.");
        }
        if (clean.length() > MAX_LABEL) {
            throw new IllegalArgumentException("Keep the reason under " + MAX_LABEL + " characters.");
        }
        if (clean.equalsIgnoreCase(OTHER) || clean.equalsIgnoreCase(NOT_GIVEN)) {
            throw new IllegalArgumentException("\u201c" + clean + "\u201d is always there; give another reason.");
        }
        if (find(clean).isPresent()) {
            throw new IllegalArgumentException("\u201c" + clean + "\u201d is already on the list.");
        }
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM lost_reason")
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO lost_reason (label, position) VALUES (?, ?)")
                .params(clean, position)
                .update();
    }

    /** Takes a reason off the list; leads lost under it keep it and are still counted under it. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Transactional
    public void remove(String label) {
        if (jdbc.sql("DELETE FROM lost_reason WHERE label = ?").param(label).update() == 0) {
            throw new IllegalArgumentException("\u201c" + label + "\u201d is not on the list.");
        }
    }

    /** Moves a reason one place up (towards the top of the choice) or down. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Transactional
    public void move(String label, boolean up) {
        var all = labels();
        int at = all.indexOf(label);
        if (at < 0) {
            throw new IllegalArgumentException("\u201c" + label + "\u201d is not on the list.");
        }
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        var ordered = new java.util.ArrayList<>(all);
        java.util.Collections.swap(ordered, at, other);
        for (int i = 0; i < ordered.size(); i++) {
            jdbc.sql("UPDATE lost_reason SET position = ? WHERE label = ?")
                    .params(i + 1, ordered.get(i))
                    .update();
        }
    }

    /**
     * Lost leads per reason, most first, within what the caller sees on the dashboard (managers: all;
     * reps: their own and unassigned), suspected spam left out. Read from ix_lead_lost_reason_newest (V93).
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Map<String, Long> lostPerReason() {
        var user = currentUser.require();
        var query = jdbc.sql(perReasonSql(user.isManager()));
        if (!user.isManager()) {
            query = query.param(user.staffId());
        }
        var counts = new LinkedHashMap<String, Long>();
        query.query((rs, n) -> Map.entry(Optional.ofNullable(rs.getString(1)).orElse(NOT_GIVEN), rs.getLong(2)))
                .list()
                .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
        return counts;
    }

    /** The count per reason over every lead ({@code manager}) or a rep's own and unassigned ones (one parameter). */
    static String perReasonSql(boolean manager) {
        return "SELECT lost_reason_label, COUNT(*) AS n FROM lead WHERE status = 'LOST' AND suspected_spam <> TRUE"
                + (manager ? "" : " AND (assignee_id = ? OR assignee_id IS NULL)")
                + " GROUP BY lost_reason_label ORDER BY n DESC, lost_reason_label";
    }

    /**
     * What the grid's lost-reason filter offers: the list's labels, {@link #OTHER} and {@link
     * #NOT_GIVEN}, each a label the dashboard counts lost leads under.
     */
    @PreAuthorize("hasAnyRole('SALES', 'MANAGER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> filterChoices() {
        var choices = new java.util.ArrayList<>(labels());
        choices.add(OTHER);
        choices.add(NOT_GIVEN);
        return choices;
    }

    /**
     * The label the grid filters by for a link's {@code lostReason}: a label of {@link
     * #filterChoices()} in any case, or one that left the list while leads are still lost under it
     * (one step of ix_lead_lost_reason_newest); empty for anything else.
     */
    @PreAuthorize("hasAnyRole('SALES', 'MANAGER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<String> filterLabel(String given) {
        var label = given.strip();
        var listed = filterChoices().stream().filter(label::equalsIgnoreCase).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        return jdbc.sql("SELECT lost_reason_label FROM lead WHERE status = 'LOST' AND lost_reason_label = ?"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param(label)
                .query(String.class)
                .optional();
    }

    /** The list's label a reason counts under: the label it names (any case), else {@link #OTHER}. */
    String labelFor(String reason) {
        return find(reason.strip()).orElse(OTHER);
    }

    private Optional<String> find(String label) {
        return jdbc.sql("SELECT label FROM lost_reason WHERE LOWER(label) = ?")
                .param(label.toLowerCase(Locale.ROOT))
                .query(String.class)
                .optional();
    }
}
