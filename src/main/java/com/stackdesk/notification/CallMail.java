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
 * from the template {@code call.html/.txt} with the kind's sentence and the subject {@code <kind>.subject}: their
 * content (the time, the calendar's SEQUENCE, the signed links) is what it was at that change, not
 * what the call is when the dispatcher gets to them.
 */
@Service
public class CallMail {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final WorkspaceLinks links;
    private final String consultancyName;

    CallMail(
            Outbox outbox,
            MailTemplates templates,
            WorkspaceLinks links,
            @Value("${stackdesk.consultancy-name:Northwind Software}") String consultancyName) {
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
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
        var key = message.kind().key();
        // one template for the four kinds: what happened and the time's label are the kind's lines
        vars.put("sentence", templates.message(key + (message.staffId() == null ? ".visitor" : ".rep")));
        vars.put("whenLabel", templates.message(key + ".when"));
        var bodies = templates.bodies(message.kind().template(), vars);
        var subject =
                templates.subject(key + ".subject", message.subjectArguments().toArray());
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
        return links.to(path);
    }

    /** The consultancy's name, as the emails and calendar entries show it. */
    public String consultancyName() {
        return consultancyName;
    }
}
