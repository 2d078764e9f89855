package com.stackdesk.notification;

import com.stackdesk.PostgresServer;
import java.util.List;

/** {@link SmtpOutageIntegrationTests}: the outbox through an SMTP outage and a restart, on PostgreSQL. */
class SmtpOutageOnPostgresIntegrationTests extends SmtpOutageIntegrationTests {

    @Override
    List<String> newDatabase() {
        var database = PostgresServer.createMigratedDatabase();
        return List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password());
    }
}
