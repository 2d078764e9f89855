package com.stackdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Writes when each test class starts and ends, and in which test JVM and thread, to the file named by {@code
 * -Dtest.timeline=...} (as {@code -Dtest.jvm="... -Dtest.timeline=/tmp/timeline.csv"}): where the
 * suite's wall time goes with test JVMs running side by side (append-only: the forks share the
 * file). Does nothing without the property.
 */
public final class TestTimeline implements TestExecutionListener {

    private final String file = System.getProperty("test.timeline", "");

    @Override
    public void executionStarted(TestIdentifier test) {
        write("start", test);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        write("end", test);
    }

    private void write(String event, TestIdentifier test) {
        if (file.isBlank() || !(test.getSource().orElse(null) instanceof ClassSource source)) {
            return;
        }
        var line = "%d,%s,%s,%s%n"
                .formatted(
                        System.currentTimeMillis(),
                        event,
                        ProcessHandle.current().pid() + "/"
                                + Thread.currentThread().getName(),
                        source.getJavaClass().getSimpleName());
        synchronized (TestTimeline.class) {
            try {
                Files.writeString(
                        Path.of(file),
                        line,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
