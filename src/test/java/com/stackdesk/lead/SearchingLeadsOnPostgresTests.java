package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.PostgresIntegrationTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link SearchingLeadsTests}: the grid's queries on PostgreSQL. */
@PostgresIntegrationTest
class SearchingLeadsOnPostgresTests extends SearchingLeadsTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theDriverSendsTheIndexWorkersBatchOfTermsAsMultiRowInserts() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection
                            .unwrap(BaseConnection.class)
                            .getQueryExecutor()
                            .isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }
}
