package com.stackdesk.intake;

import com.stackdesk.PostgresServer;
import com.stackdesk.export.SeededDatabase.Jdbc;
import java.nio.file.Path;

/** The crash test on PostgreSQL: the app killed mid-burst loses no lead it answered 201. */
class CrashMidBurstOnPostgresTests extends CrashMidBurstTests {

    @Override
    Jdbc freshDatabase(Path dir) {
        var database = PostgresServer.createMigratedDatabase();
        return new Jdbc(database.url(), database.username(), database.password());
    }
}
