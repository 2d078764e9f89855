package com.stackdesk.lead;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * For benchmarks: writes the search terms of leads inserted with plain SQL (which, unlike a
 * submission, writes none), so that {@code lead_search_term} is as large as a real database of that
 * many leads would have it. Takes the leads after the highest one that has terms, 5,000 a
 * transaction.
 */
public final class SeededSearchTerms {

    private static final int CHUNK = 5_000;

    private SeededSearchTerms() {}

    /** Writes the terms of the leads after the last one that has terms; returns how many rows. */
    public static long addMissing(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long rows = 0;
        try (var last = connection.createStatement();
                var read = connection.prepareStatement(
                        "SELECT id, reference, first_name, last_name, email, company, phone FROM lead"
                                + " WHERE id > ? ORDER BY id FETCH FIRST " + CHUNK + " ROWS ONLY");
                var insert =
                        connection.prepareStatement("INSERT INTO lead_search_term (term, lead_id) VALUES (?, ?)")) {
            long after;
            try (var max = last.executeQuery("SELECT COALESCE(MAX(lead_id), 0) FROM lead_search_term")) {
                max.next();
                after = max.getLong(1);
            }
            boolean more = true;
            while (more) {
                read.setLong(1, after);
                int leads = 0;
                try (var lead = read.executeQuery()) {
                    while (lead.next()) {
                        leads++;
                        after = lead.getLong("id");
                        for (var term : LeadSearchTerms.of(
                                lead.getString("reference"),
                                lead.getString("first_name"),
                                lead.getString("last_name"),
                                lead.getString("email"),
                                lead.getString("company"),
                                lead.getString("phone"))) {
                            insert.setString(1, term);
                            insert.setLong(2, after);
                            insert.addBatch();
                            rows++;
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
                more = leads == CHUNK;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return rows;
    }
}
