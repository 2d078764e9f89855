package com.stackdesk.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the embedded SMTP server received, for the staff "Mail log" view. */
public interface MailLog {

    /** Whether mail goes to the embedded server (otherwise to the configured one, and the log is empty). */
    boolean embedded();

    /** Where mail goes, e.g. "embedded SMTP server on 127.0.0.1:3025". */
    String destination();

    /** Messages received since the app started, newest first. */
    List<LoggedMail> messages();

    /** One received message. */
    record LoggedMail(
            @Nullable Instant receivedAt,
            String from,
            String to,
            String subject,
            String text,
            List<String> attachments,
            String messageId) {}
}
