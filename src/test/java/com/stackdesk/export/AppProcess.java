package com.stackdesk.export;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real app in a JVM of its own with a given heap, on a free port, for tests of its memory use,
 * benchmarks over HTTP and crash tests (a {@link #kill()} is a kill -9).
 */
public final class AppProcess implements AutoCloseable {

    /**
     * JVM options for an app a test starts and stops: C1 only and the serial collector start it in
     * about half the time. The small-heap export uses them too: its 200 MB stream took 88 s with
     * them against 111 s without (start 18 s against 43 s, one run each under the same load).
     * Benchmarks leave them out: they run long enough for C2 to pay. The code cache as the test JVMs
     * have it (see {@code test.jvm} in the pom): C1's default 48 MB made the collector run often.
     */
    public static final List<String> QUICK_START =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=512m");

    public final int port;
    public final Path log;
    public final Process process;

    private AppProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppProcess start(String heap, String datasourceUrl, Path log) throws Exception {
        return start(heap, datasourceUrl, log, List.of());
    }

    /**
     * Starts the app and waits until it answers; {@code arguments} are more {@code --name=value}
     * settings, later ones win over the defaults here. The log is appended to, so a restarted app
     * keeps the first one's lines.
     */
    public static AppProcess start(String heap, String datasourceUrl, Path log, List<String> arguments)
            throws Exception {
        return start(heap, List.of(), datasourceUrl, log, arguments);
    }

    /** As {@link #start(String, String, Path, List)}, with more options for the app's JVM. */
    public static AppProcess start(
            String heap, List<String> jvmOptions, String datasourceUrl, Path log, List<String> arguments)
            throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        // e.g. -Dapp.jvm-args=-XX:StartFlightRecording=filename=target/app.jfr to profile the app
        var extra = System.getProperty("app.jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        // -Dapp.jar=target/stackdesk-0.1.0-SNAPSHOT.jar runs the production jar (./mvnw -Pproduction
        // package) instead of the classes on the test classpath, where Vaadin runs in development mode
        var jar = System.getProperty("app.jar", "");
        command.addAll(
                jar.isBlank()
                        ? List.of("-cp", System.getProperty("java.class.path"), "com.stackdesk.StackdeskApplication")
                        : List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + datasourceUrl,
                "--stackdesk.seeds.location=classpath:no-seeds/"));
        command.addAll(arguments);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var app = new AppProcess(port, log, process);
        app.waitUntilUp();
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void waitUntilUp() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .pollInSameThread()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("The app stopped:\n" + Files.readString(log));
                        }
                        try {
                            return http.send(
                                                    HttpRequest.newBuilder(uri("/api/leads/SD-NONE"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 401;
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The app did not start in time:\n" + Files.readString(log), e);
        }
    }

    /** Ends the app the way a crash does: SIGKILL, no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The app (pid " + process.pid() + ") survived a kill -9");
        }
    }

    /** Stops the app gracefully (SIGTERM), killing it only if it has not stopped after 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    /**
     * Stops the app gracefully (SIGTERM) and waits as long as {@code patience} for it to finish what
     * it is doing; then kills it.
     *
     * @return whether it stopped by itself
     */
    public boolean stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }
}
