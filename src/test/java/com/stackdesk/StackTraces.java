package com.stackdesk;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log event that carries a stack trace while it is open, whatever its logger, so a
 * test can say that a client's mistake left none in the log.
 */
public final class StackTraces implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private StackTraces() {
        appender.start();
        root.addAppender(appender);
    }

    public static StackTraces record() {
        return new StackTraces();
    }

    /** The events logged with a throwable, as "LEVEL logger: message" lines. */
    public List<String> logged() {
        return appender.list.stream()
                .filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
