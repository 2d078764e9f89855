package com.stackdesk.lead.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2's half of {@code open_lead_count} (migrations V97, V98): called by H2 for each lead row
 * inserted, updated or deleted, it moves the counts of the row's old and new {@code
 * open_assignee_id} in the same transaction. PostgreSQL runs the same rule as a PL/pgSQL function.
 * H2 stores this class's name in the database (db/migration-h2/V98): keep the name and package.
 */
public final class OpenLeadCountTrigger implements Trigger {

    private static final String DUPLICATE_KEY = "23505";

    private int column = -1;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (var statement = conn.prepareStatement("SELECT ordinal_position FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND column_name = 'OPEN_ASSIGNEE_ID'")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException(table + " has no column OPEN_ASSIGNEE_ID for " + trigger);
                }
                column = rows.getInt(1) - 1;
            }
        }
    }

    @Override
    public void fire(Connection conn, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
        var was = oldRow == null ? null : (Long) oldRow[column];
        var owner = newRow == null ? null : (Long) newRow[column];
        if (Objects.equals(was, owner)) {
            return;
        }
        // of two owners the lower id's row first, so transactions moving leads between them lock in one order
        if (was != null && (owner == null || was < owner)) {
            add(conn, was, -1);
            was = null;
        }
        if (owner != null) {
            add(conn, owner, 1);
        }
        if (was != null) {
            add(conn, was, -1);
        }
    }

    private static void add(Connection conn, long owner, int delta) throws SQLException {
        if (update(conn, owner, delta)) {
            return;
        }
        try (var insert =
                conn.prepareStatement("INSERT INTO open_lead_count (assignee_id, open_leads) VALUES (?, ?)")) {
            insert.setLong(1, owner);
            insert.setInt(2, delta);
            insert.executeUpdate();
        } catch (SQLException e) {
            // another transaction created the owner's row first (this insert waited for it to
            // commit): count on that row
            if (!DUPLICATE_KEY.equals(e.getSQLState()) || !update(conn, owner, delta)) {
                throw e;
            }
        }
    }

    private static boolean update(Connection conn, long owner, int delta) throws SQLException {
        try (var update =
                conn.prepareStatement("UPDATE open_lead_count SET open_leads = open_leads + ? WHERE assignee_id = ?")) {
            update.setInt(1, delta);
            update.setLong(2, owner);
            return update.executeUpdate() > 0;
        }
    }
}
