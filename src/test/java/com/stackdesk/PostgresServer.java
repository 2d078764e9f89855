package com.stackdesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * One real PostgreSQL server per test JVM, started on first use from Debian's binaries
 * ({@code /usr/lib/postgresql/<newest>/bin}) in a data directory under {@code target/postgres} and
 * stopped when the JVM exits, after the Spring contexts. Each caller of {@link #createDatabase()} gets a database of its own.
 *
 * <p>Set {@code STACKDESK_TEST_POSTGRES_URL} (a JDBC URL of a database the user may run
 * {@code CREATE DATABASE} from), {@code STACKDESK_TEST_POSTGRES_USER} and
 * {@code STACKDESK_TEST_POSTGRES_PASSWORD} (environment variables or system properties of the same
 * names in lower case with dots, e.g. {@code -Dstackdesk.test.postgres.url=...}) to use a server of
 * your own instead.
 */
public final class PostgresServer {

    /** A database on the server: its JDBC URL and credentials. */
    public record Database(String url, String username, String password) {}

    private static final Path BINARIES = Path.of("/usr/lib/postgresql");
    private static final Path DATA_ROOT = dataRoot();

    private static volatile PostgresServer instance;

    private final String adminUrl;
    private final String username;
    private final String password;

    /** The database {@link #createMigratedDatabase()} copies, migrated on first use. */
    private String migratedTemplate;

    private PostgresServer(String adminUrl, String username, String password) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    /** A new, empty database named {@code test_<uuid>}. */
    public static Database createDatabase() {
        var server = get();
        return server.create(newName(), "");
    }

    /**
     * A new database named {@code test_<uuid>} that holds the schema of every migration, as Flyway
     * leaves an empty one: a copy ({@code CREATE DATABASE ... TEMPLATE}) of a database this server
     * migrated once, instead of running the 90-odd migrations again for each Spring context. The
     * context's Flyway then finds every migration applied and validates them.
     */
    public static Database createMigratedDatabase() {
        var server = get();
        return server.create(newName(), " TEMPLATE " + server.migratedTemplate());
    }

    private static String newName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }

    private Database create(String name, String options) {
        try (var connection = DriverManager.getConnection(adminUrl, username, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + adminUrl, e);
        }
        return new Database(urlOf(name), username, password);
    }

    /** Creates and migrates the template on first use, as the app's Flyway settings have it. */
    private synchronized String migratedTemplate() {
        if (migratedTemplate == null) {
            var name = newName();
            var template = create(name, "");
            // the app's spring.flyway.locations with {vendor} = postgresql
            Flyway.configure()
                    .dataSource(template.url(), template.username(), template.password())
                    .locations("classpath:db/migration", "classpath:db/migration-postgresql")
                    .load()
                    .migrate();
            // no connections: autovacuum then leaves it alone, so every copy has the statistics a
            // freshly migrated database has (query plans depend on them)
            try (var connection = DriverManager.getConnection(adminUrl, username, password);
                    var statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not close the template database " + name, e);
            }
            migratedTemplate = name;
        }
        return migratedTemplate;
    }

    private String urlOf(String database) {
        // jdbc:postgresql://host:port/name?params -> the same with another name
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    private static PostgresServer get() {
        var server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = external();
                    if (server == null) {
                        server = startLocal();
                    }
                    instance = server;
                }
            }
        }
        return server;
    }

    private static PostgresServer external() {
        var url = setting("STACKDESK_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        var user = setting("STACKDESK_TEST_POSTGRES_USER");
        var password = setting("STACKDESK_TEST_POSTGRES_PASSWORD");
        return new PostgresServer(url, user == null ? "postgres" : user, password == null ? "" : password);
    }

    private static String setting(String name) {
        var property = System.getProperty(name.toLowerCase().replace('_', '.'));
        return property != null ? property : System.getenv(name);
    }

    private static PostgresServer startLocal() {
        var bin = binaries();
        try {
            reapAbandoned(bin);
            var dir = DATA_ROOT.resolve(UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("owner.pid"),
                    Long.toString(ProcessHandle.current().pid()));
            var data = dir.resolve("data");
            Files.createDirectories(data);
            if (isRoot()) {
                // initdb and postgres refuse to run as root: the postgres user owns the data directory
                run(List.of("chown", "-R", "postgres:", dir.toString()));
            }
            run(asPostgres(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync"));
            int port = freePort();
            // after the Spring contexts are closed: a task they let finish may still need the database
            SpringApplication.getShutdownHandlers().add(() -> stop(bin, dir));
            run(asPostgres(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    dir.resolve("postgres.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    String.join(
                            " ",
                            "-p " + port,
                            "-h 127.0.0.1",
                            "-k '" + dir + "'", // pg_ctl hands these to a shell
                            "-c max_connections=300",
                            // tests only: a crash may lose the data, which a test database never needs
                            "-c fsync=off",
                            "-c synchronous_commit=off",
                            "-c full_page_writes=off"),
                    "start"));
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a PostgreSQL server for the tests", e);
        }
    }

    /** The newest PostgreSQL's bin directory, or a failure that says how to install one. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.isDirectory(BINARIES) ? Files.list(BINARIES) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("The PostgreSQL tests found no server binaries under "
                            + BINARIES + ": install Debian's postgresql package: apt-get install -y postgresql"
                            + " (or point STACKDESK_TEST_POSTGRES_URL at a server of your own)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Servers of test JVMs that died without their shutdown hook (kill -9) are stopped and removed. */
    private static void reapAbandoned(Path bin) throws IOException {
        if (!Files.isDirectory(DATA_ROOT)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(DATA_ROOT)) {
            for (var dir : dirs.toList()) {
                var owner = dir.resolve("owner.pid");
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).trim());
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stop(bin, dir);
            }
        }
    }

    private static void stop(Path bin, Path dir) {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run(asPostgres(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop"));
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not stop the test PostgreSQL server in " + dir + ": " + e.getMessage());
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    private static List<String> asPostgres(String... command) {
        var full = new ArrayList<String>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /**
     * {@code target/postgres}, unless the build runs as root in a folder the postgres user cannot
     * enter (a clone in a {@code mktemp -d} folder, mode 700): then a folder under the system's
     * temporary directory that it can.
     */
    private static Path dataRoot() {
        var inTarget = Path.of("target", "postgres").toAbsolutePath();
        if (!isRoot() || othersMayEnter(inTarget.getParent())) {
            return inTarget;
        }
        var shared = Path.of(System.getProperty("java.io.tmpdir"), "stackdesk-test-postgres");
        try {
            Files.createDirectories(shared);
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + shared + " for the test PostgreSQL", e);
        }
        return shared;
    }

    /** Whether every existing folder from the root down to {@code dir} lets other users through. */
    private static boolean othersMayEnter(Path dir) {
        for (var step = dir; step != null; step = step.getParent()) {
            try {
                if (Files.exists(step)
                        && !Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return true;
            }
        }
        return true;
    }

    private static boolean isRoot() {
        try {
            // the owner of /proc/self is this process's user
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
