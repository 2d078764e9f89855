package com.stackdesk.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails about a booked call (invitation, update, cancellation, reminder), queued in the
 * booking's transaction like every email. Unlike the lead emails they are rendered right away,
 * from the templates {@code <kind>.html/.txt} and the subject {@code <kind>.subject}: their
 * content (the time, the calendar's SEQUENCE, the signed links) is what it was at that change, not
 * what the call is when the dispatcher gets to them.
 */
@Service
public class CallMail {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final String consultancyName;

    CallMail(
            Outbox outbox,
            MailTemplates templates,
            NotificationProperties properties,
            @Value("${stackdesk.consultancy-name:Northwind Software}") String consultancyName) {
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
        this.consultancyName = consultancyName;
    }

    /**
     * One email about a call.
     *
     * @param kind one of the {@code CALL_*} kinds
     * @param staffId the rep the email goes to, null for the visitor's
     * @param variables the template's variables ({@code consultancyName} is added)
     * @param subjectArguments {0}, {1}, ... of the subject line
     * @param calendar the iCalendar text to attach, or null
     */
    public record Message(
            EmailKind kind,
            long leadId,
            String recipient,
            String recipientName,
            @Nullable Long staffId,
            Map<String, Object> variables,
            List<Object> subjectArguments,
            @Nullable String calendar) {

        public Message {
            if (!kind.isAboutACall()) {
                throw new IllegalArgumentException(kind + " is not about a call");
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Message message) {
        var vars = new HashMap<>(message.variables());
        vars.put("consultancyName", consultancyName);
        var bodies = templates.bodies(message.kind().template(), vars);
        var subject = templates.subject(
                message.kind().template() + ".subject",
                message.subjectArguments().toArray());
        outbox.queueRendered(
                message.leadId(),
                message.kind(),
                message.recipient(),
                message.recipientName(),
                message.staffId(),
                new RenderedEmail(subject, bodies.text(), bodies.html(), message.calendar()));
    }

    /** The app's address ({@code stackdesk.mail.workspace-url}) followed by {@code path} ("/call/..."). */
    public String linkTo(String path) {
        var base = properties.workspaceUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The consultancy's name, as the emails and calendar entries show it. */
    public String consultancyName() {
        return consultancyName;
    }
}
