package com.stackdesk.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GreenMail SMTP server on 127.0.0.1, started when no SMTP server is configured, so the default
 * run really sends mail; it keeps what it receives in memory for the {@link MailLog}.
 */
class EmbeddedSmtpServer implements MailLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int port;

    EmbeddedSmtpServer(int preferredPort) {
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

    @Override
    public void close() {
        greenMail.stop();
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public String destination() {
        return "embedded SMTP server on " + HOST + ":" + port;
    }

    @Override
    public List<LoggedMail> messages() {
        var received = new ArrayList<>(Arrays.asList(greenMail.getReceivedMessages()));
        var out = new ArrayList<LoggedMail>();
        for (int i = received.size() - 1; i >= 0; i--) {
            out.add(toLogged(received.get(i)));
        }
        return out;
    }

    private static LoggedMail toLogged(MimeMessage message) {
        try {
            var attachments = new ArrayList<String>();
            var text = text(message, attachments);
            return new LoggedMail(
                    message.getReceivedDate() == null
                            ? null
                            : message.getReceivedDate().toInstant(),
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    String.valueOf(message.getSubject()),
                    text == null ? "" : text,
                    attachments,
                    String.valueOf(message.getMessageID()));
        } catch (Exception e) {
            return new LoggedMail(null, "", "", "(unreadable message: " + e.getMessage() + ")", "", List.of(), "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The first text/plain part; collects attachment file names on the way. */
    private static String text(Part part, List<String> attachments) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.add(part.getFileName());
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            String found = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var text = text(child, attachments);
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
