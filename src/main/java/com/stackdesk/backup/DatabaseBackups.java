package com.stackdesk.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Takes a backup of the H2 database the app runs on, with H2's {@code BACKUP TO}: a zip of the
 * database file, transactionally consistent (H2's store is copy-on-write) while leads keep coming
 * in. Unzipped into an empty folder, it is a database the app starts on.
 */
@Service
public class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DatabaseBackups(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A database other than an H2 file is backed up with its own tools (or not at all): the API says so. */
    public static final class NotAnH2File extends RuntimeException {

        NotAnH2File(String message) {
            super(message);
        }
    }

    /**
     * Writes a backup zip into a new temporary folder and returns its path; the caller deletes the
     * file and its folder.
     *
     * @throws NotAnH2File when the database is not an H2 file database
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Path backUpToTemporaryFile() {
        checkH2File();
        try {
            var zip = Files.createTempDirectory("stackdesk-backup").resolve("stackdesk-backup.zip");
            long start = System.nanoTime();
            jdbc.sql("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'")
                    .update();
            log.info(
                    "Database backup taken: {} bytes in {} ms",
                    Files.size(zip),
                    (System.nanoTime() - start) / 1_000_000);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkH2File() {
        try (var connection = dataSource.getConnection()) {
            var database = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(database)) {
                throw new NotAnH2File(
                        "The app runs on " + database + ": back it up with its own tools (PostgreSQL: pg_dump -Fc)");
            }
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                throw new NotAnH2File("The app runs on an in-memory database: there is no file to back up");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot reach the database", e);
        }
    }
}
