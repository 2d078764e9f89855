package com.stackdesk.workspace;

import com.stackdesk.base.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which columns of the leads grid each staff member chose to see, kept in the database so the
 * choice follows them to another browser and survives a new session.
 */
@Service
public class GridColumns {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z-]{0,29}");
    private static final int LIMIT = 300;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    GridColumns(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The column keys the signed-in person chose, in the grid's order; empty until they choose. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Optional<List<String>> chosen() {
        return jdbc.sql("SELECT columns FROM staff_grid_columns WHERE staff_id = ?")
                .param(currentUser.require().staffId())
                .query(String.class)
                .optional()
                .map(columns -> columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",")));
    }

    /** Remembers the signed-in person's choice of columns (their keys). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void choose(List<String> keys) {
        if (!keys.stream().allMatch(k -> KEY.matcher(k).matches())) {
            throw new IllegalArgumentException("Column keys are lower-case words: " + keys);
        }
        var columns = String.join(",", keys.stream().distinct().toList());
        if (columns.length() > LIMIT) {
            throw new IllegalArgumentException("Too many columns: " + keys.size());
        }
        long staffId = currentUser.require().staffId();
        int updated = jdbc.sql("UPDATE staff_grid_columns SET columns = ? WHERE staff_id = ?")
                .params(columns, staffId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO staff_grid_columns (staff_id, columns) VALUES (?, ?)")
                    .params(staffId, columns)
                    .update();
        }
    }
}
