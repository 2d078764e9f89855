package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search of several words over leads that share a common word (all named Zoe, as in the intake
 * benchmark's million): the rarest word is read as one range of the terms' key, and only the leads
 * in it are checked for the common word, one (lead_id, term) index entry each (V94). H2 here,
 * PostgreSQL in the subclass.
 */
class SearchReadsItsIndexesTests {

    static final int LEADS = 2000;

    JdbcTemplate jdbc;

    DataSource newDatabase() {
        return MigratedDatabase.h2("search-plan");
    }

    @BeforeEach
    void migrateAndFill() {
        jdbc = new JdbcTemplate(newDatabase());
        var now = Instant.parse("2026-12-07T12:00:00Z");
        var leads = new ArrayList<Object[]>();
        for (int i = 0; i < LEADS; i++) {
            var created = Timestamp.from(now.minusSeconds(60L * i));
            leads.add(new Object[] {"S" + i, "NEW", created, created, null, null, null});
        }
        jdbc.batchUpdate(DeadlineQueriesReadTheirIndexesTests.INSERT, leads);
        var terms = new ArrayList<Object[]>();
        jdbc.query("SELECT id, reference FROM lead", rs -> {
            long id = rs.getLong(1);
            var number = rs.getString(2).substring(1);
            for (var term : List.of("zoe", "zoe." + number, "company", number)) {
                terms.add(new Object[] {term, id});
            }
        });
        jdbc.batchUpdate("INSERT INTO lead_search_term (term, lead_id) VALUES (?, ?)", terms);
        jdbc.execute("ANALYZE");
    }

    String plan(String sql, List<Object> params) {
        return MigratedDatabase.explain(jdbc, sql, params);
    }

    @Test
    void theRarestWordIsReadAsARangeAndTheOthersAreCheckedPerLead() {
        var query = LeadSql.rarestFirst(JdbcClient.create(jdbc), LeadSearchTerms.query("Zoe Company 123"));

        assertThat(query.words())
                .as(
                        "terms starting with 123: 11 (leads 123 and 1230 to 1239); company: one per lead; zoe: two per lead")
                .containsExactly("123", "company", "zoe");
        var params = LeadSql.searchParams(query);
        assertThat(jdbc.queryForList(LeadSql.searchIds(query), String.class, params.toArray()))
                .hasSize(11);
        assertThat(plan(LeadSql.searchIds(query), params))
                .containsPattern("(?i)primary_key|pk_lead_search_term")
                .containsPattern("(?i)term\\)?(::text)? >= '123'")
                .containsPattern("(?i)ix_lead_search_term_lead_term")
                .containsPattern("(?i)term >= 'zoe'")
                .containsPattern("(?i)term >= 'company'");
    }

    @Test
    void aSearchWithTooManyMatchesToListChecksEachLeadOfThePageInTheOrdersIndex() {
        var typed = "zoe 12";
        var query = LeadSql.rarestFirst(JdbcClient.create(jdbc), LeadSearchTerms.query(typed));
        var filter = LeadFilter.builder().query(typed).build();
        var where = LeadSql.where(filter, null, new LeadSql.Search(query, null));

        var listed = jdbc.queryForList(
                LeadSql.searchIds(query),
                Long.class,
                LeadSql.searchParams(query).toArray());
        var checked = jdbc.queryForList("SELECT id FROM lead WHERE " + where.where, Long.class, where.params.toArray());
        assertThat(checked)
                .as("leads 12, 120 to 129 and 1200 to 1299")
                .hasSize(111)
                .containsExactlyInAnyOrderElementsOf(listed);

        var page = plan(
                "SELECT id FROM lead WHERE " + where.where + " ORDER BY " + LeadSql.orderBy(List.of(), filter)
                        + " OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY",
                where.params);
        assertThat(page).containsPattern("(?i)ix_lead_search_term_lead_term");
        if (page.contains("/*")) {
            // H2: the newest first, each looked up in turn, no sort
            assertThat(page).containsPattern("(?i)ix_lead_newest").doesNotContainPattern("(?i)primary_key_20");
        }
    }
}
