package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The outbox gauges' queries on PostgreSQL, with sequential scans switched off ({@link MigratedDatabase#postgres()}). */
class OutboxGaugesReadTheirIndexOnPostgresTests extends OutboxGaugesReadTheirIndexTests {

    @Override
    DataSource newDatabase() {
        return MigratedDatabase.postgres();
    }

    @Override
    @Test
    void theOldestPendingEmailIsOneIndexEntry() {
        assertThat(plan(OutboxMetrics.OLDEST_PENDING_SQL))
                .contains("Limit")
                .containsPattern("Index (Only )?Scan using ix_outbound_email_pending_age")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }

    @Override
    @Test
    void countingThePendingEmailsReadsNoSentOnes() {
        assertThat(plan(OutboxMetrics.PENDING_SQL))
                .containsPattern("Index (Only )?Scan using ix_outbound_email_(due|pending_age)")
                .containsPattern("Index Cond: \\(+status\\)?(::text)? = 'PENDING'::text\\)")
                .doesNotContain("Seq Scan");
    }

    @Override
    @Test
    void theDispatcherReadsOnlyTheBatchOfDueEmailsItTakes() {
        assertThat(planOfTakingTenOfABacklog())
                .contains("Limit")
                .containsPattern("Index (Only )?Scan using ix_outbound_email_due")
                .doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort  \\(")
                .doesNotContain("Seq Scan");
    }

    @Override
    String plan(String sql, List<?> params) {
        return MigratedDatabase.explain(jdbc, sql, params);
    }
}
