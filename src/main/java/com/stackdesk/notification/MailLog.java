package com.stackdesk.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * What the embedded SMTP server received, for the "Mail log" view. It holds every visitor's
 * confirmation and every rep's alerts, so only managers and admins read it; a sales rep sees the
 * emails of their own leads on the lead's page.
 */
@Service
@PreAuthorize("hasRole('MANAGER')")
public class MailLog {

    private final @Nullable EmbeddedSmtpServer server;
    private final String destination;

    private final WorkspaceLinks links;

    MailLog(ObjectProvider<EmbeddedSmtpServer> server, Environment environment, WorkspaceLinks links) {
        this.links = links;
        this.server = server.getIfAvailable();
        var host = environment.getProperty("spring.mail.host", "");
        this.destination = this.server != null
                ? this.server.destination()
                : StringUtils.hasText(host)
                        ? "SMTP server " + host + ":" + environment.getProperty("spring.mail.port", "25")
                        : "nowhere: no SMTP server configured and the embedded one is switched off";
    }

    /** Whether mail goes to the embedded server (otherwise to the configured one, and the log is empty). */
    @PreAuthorize("hasRole('MANAGER')")
    public boolean embedded() {
        return server != null;
    }

    /** Why links in emails will not work for staff (the workspace address is not set), or null. */
    @PreAuthorize("hasRole('MANAGER')")
    public @Nullable String linkWarning() {
        return links.warning();
    }

    /** Where mail goes, e.g. "embedded SMTP server on 127.0.0.1:3025". */
    @PreAuthorize("hasRole('MANAGER')")
    public String destination() {
        return destination;
    }

    /** The newest messages the embedded server received (at most {@code stackdesk.mail.embedded.keep}), newest first. */
    @PreAuthorize("hasRole('MANAGER')")
    public List<LoggedMail> messages() {
        return server == null ? List.of() : server.messages();
    }

    /**
     * One received message.
     *
     * @param html the HTML part as sent, or null for a text-only message
     */
    public record LoggedMail(
            @Nullable Instant receivedAt,
            String from,
            String to,
            String subject,
            String text,
            @Nullable String html,
            List<Attachment> attachments,
            String messageId) {

        public LoggedMail {
            attachments = List.copyOf(attachments);
        }

        /** The attachments' file names, comma-separated. */
        public String attachmentNames() {
            return String.join(
                    ", ", attachments.stream().map(Attachment::fileName).toList());
        }
    }

    /** A file attached to a received message (a calendar invitation), to open or download. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** That the log lives in memory: said on the Mail log page, so nobody looks there for mail sent before a restart. */
    public static final String KEPT_IN_MEMORY = "This log is kept in memory: a restart empties it. Every email's"
            + " delivery state stays in the Outbox, which survives restarts.";
}
