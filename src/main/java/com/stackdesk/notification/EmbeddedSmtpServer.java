package com.stackdesk.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GreenMail SMTP server on 127.0.0.1, started when no SMTP server is configured, so the default
 * run really sends mail; it keeps the newest messages it receives in memory for the {@link MailLog}.
 *
 * <p>It listens on the loopback address only. GreenMail cannot require SMTP AUTH, so the app's own
 * sender marks each message with a secret made at start ({@link #SECRET_HEADER}); anything else
 * another program on the host sends to the port is dropped, never shown. Received messages move
 * into a ring buffer of the newest {@code keep}; GreenMail's own store is emptied each time.
 */
class EmbeddedSmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    static final String HOST = "127.0.0.1";
    static final String SECRET_HEADER = "X-Stackdesk-Embedded";

    private final GreenMail greenMail;
    private final int port;
    private final int keep;
    private final String secret;
    private final ArrayDeque<MailLog.LoggedMail> newestFirst = new ArrayDeque<>();
    private long dropped;

    EmbeddedSmtpServer(int preferredPort, int keep) {
        this.keep = Math.max(1, keep);
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = HexFormat.of().formatHex(bytes);
        this.port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
        if (preferredPort > 0 && port != preferredPort) {
            log.warn("Embedded SMTP: port {} is taken, using {} instead", preferredPort, port);
        }
        this.greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        log.info(
                "Embedded SMTP server listening on {}:{} (no spring.mail.host set); see the Mail log view", HOST, port);
    }

    int port() {
        return port;
    }

    /** The value the app's own sender puts in {@link #SECRET_HEADER}. */
    String secret() {
        return secret;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    String destination() {
        return "embedded SMTP server on " + HOST + ":" + port;
    }

    /** The newest messages received, newest first. */
    synchronized List<MailLog.LoggedMail> messages() {
        drain();
        return List.copyOf(newestFirst);
    }

    /**
     * Moves what GreenMail received into the ring buffer and empties GreenMail's store. GreenMail
     * delivers under the SMTP manager's lock, so no message arrives between the read and the purge.
     */
    synchronized void drain() {
        MimeMessage[] received;
        var smtp = greenMail.getManagers().getSmtpManager();
        synchronized (smtp) {
            received = greenMail.getReceivedMessages();
            if (received.length == 0) {
                return;
            }
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("Could not empty the embedded SMTP server's store", e);
            }
        }
        for (var message : received) {
            if (!isOurs(message)) {
                if (dropped++ % 100 == 0) {
                    log.warn("Embedded SMTP: dropped a message that the app did not send ({} so far)", dropped);
                }
                continue;
            }
            newestFirst.addFirst(toLogged(message));
            while (newestFirst.size() > keep) {
                newestFirst.removeLast();
            }
        }
    }

    private boolean isOurs(MimeMessage message) {
        try {
            var values = message.getHeader(SECRET_HEADER);
            return values != null && values.length == 1 && secret.equals(values[0]);
        } catch (Exception e) {
            return false;
        }
    }

    private static MailLog.LoggedMail toLogged(MimeMessage message) {
        try {
            var attachments = new ArrayList<MailLog.Attachment>();
            var html = new String[1];
            var text = text(message, attachments, html);
            return new MailLog.LoggedMail(
                    message.getReceivedDate() == null
                            ? null
                            : message.getReceivedDate().toInstant(),
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    Headers.decoded(message.getSubject()),
                    text == null ? "" : text,
                    html[0],
                    attachments,
                    String.valueOf(message.getMessageID()));
        } catch (Exception e) {
            return new MailLog.LoggedMail(
                    null, "", "", "(unreadable message: " + e.getMessage() + ")", "", null, List.of(), "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses)
                        .map(address -> Headers.decoded(address.toString()))
                        .collect(Collectors.joining(", "));
    }

    /** The first text/plain part; collects the attachments and the first text/html part ({@code html[0]}) on the way. */
    private static String text(Part part, List<MailLog.Attachment> attachments, String[] html) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            var name = part.getFileName() == null ? "attachment" : Headers.decoded(part.getFileName());
            var type = part.getContentType() == null
                    ? "application/octet-stream"
                    : part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            try (var in = part.getInputStream()) {
                attachments.add(new MailLog.Attachment(name, type, in.readAllBytes()));
            }
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            if (html[0] == null) {
                html[0] = String.valueOf(part.getContent());
            }
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            String found = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var text = text(child, attachments, html);
                if (found == null) {
                    found = text;
                }
            }
            return found;
        }
        return null;
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 0, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the embedded SMTP server", e);
        }
    }
}
