package com.stackdesk.notification;

import com.stackdesk.base.TeamZone;
import com.stackdesk.base.Times;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.staff.StaffProfile;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns a lead and its owner into the content of each kind of email. */
@Component
class EmailComposer {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final MailTemplates templates;
    private final WorkspaceLinks links;
    private final Clock clock;
    private final String consultancyName;
    private final String responsePromise;
    private final TeamZone teamZone;

    EmailComposer(
            MailTemplates templates,
            WorkspaceLinks links,
            Clock clock,
            TeamZone teamZone,
            @Value("${stackdesk.consultancy-name:Northwind Software}") String consultancyName,
            @Value("${stackdesk.intake.response-promise:within one business day}") String responsePromise) {
        this.templates = templates;
        this.links = links;
        this.clock = clock;
        this.teamZone = teamZone;
        this.consultancyName = consultancyName;
        this.responsePromise = responsePromise;
    }

    /** "Thank you" to the visitor: what they asked, who contacts them ({@code owner}, or the team) and when. */
    RenderedEmail visitorConfirmation(Lead lead, @Nullable StaffProfile owner) {
        var vars = common(lead);
        var assistant = lead.getAssistant();
        vars.put("assistantRecommendation", assistant == null ? null : assistant.recommendation());
        vars.put("assistantQuote", assistant == null ? null : assistant.quote());
        vars.put("ownerName", owner == null ? null : owner.fullName());
        vars.put("responsePromise", responsePromise);
        // a time nobody confirmed gets no calendar entry: booking the call sends the real invitation
        vars.put("preferredTimeNoted", lead.getKind() == LeadKind.CONSULTATION && lead.getPreferredContactAt() != null);
        var bodies = templates.bodies(EmailKind.VISITOR_CONFIRMATION.template(), vars);
        var subject = templates.subject(
                "visitor-confirmation.subject",
                lead.getKind().label().toLowerCase(Locale.ROOT),
                lead.getReference(),
                consultancyName);
        return new RenderedEmail(subject, bodies.text(), bodies.html(), null);
    }

    /**
     * "A lead is yours" to its owner, on arrival or when a manager reassigns it.
     *
     * @param assignedBy the display name of who gave it, null when routing did
     */
    RenderedEmail ownerAlert(Lead lead, StaffProfile owner, String reason, @Nullable String assignedBy) {
        var vars = common(lead);
        vars.put("ownerName", owner.firstName());
        vars.put("reason", reason);
        vars.put("assignedBy", assignedBy);
        var bodies = templates.bodies(EmailKind.REP_ALERT.template(), vars);
        var subject = templates.subject(
                assignedBy == null ? "rep-alert.subject" : "rep-alert.reassigned.subject",
                lead.getReference(),
                lead.getFullName(),
                lead.getStack().label(),
                lead.getKind().label().toLowerCase(Locale.ROOT));
        return new RenderedEmail(subject, bodies.text(), bodies.html(), null);
    }

    /** "Nobody could take this lead" to a manager. */
    RenderedEmail managerAlert(Lead lead, StaffProfile manager, String reason) {
        var vars = common(lead);
        vars.put("managerName", manager.firstName());
        vars.put("reason", reason);
        var bodies = templates.bodies(EmailKind.MANAGER_ALERT.template(), vars);
        var subject = templates.subject(
                "manager-alert.subject",
                lead.getReference(),
                lead.getFullName(),
                lead.getStack().label(),
                lead.getKind().label().toLowerCase(Locale.ROOT));
        return new RenderedEmail(subject, bodies.text(), bodies.html(), null);
    }

    /** "First response due at 11:00" to the lead's owner, with the time in their zone. */
    RenderedEmail deadlineReminder(Lead lead, StaffProfile owner) {
        var vars = common(lead);
        var zone = teamZone.or(owner.timeZone());
        vars.put("ownerName", owner.firstName());
        vars.put("dueAt", Times.dateTime(lead.getResponseDueAt(), zone));
        vars.put("answered", !lead.isAwaitingFirstResponse());
        var bodies = templates.bodies(EmailKind.DEADLINE_REMINDER.template(), vars);
        var subject = templates.subject(
                "deadline-reminder.subject",
                lead.getReference(),
                lead.getFullName(),
                Times.dateTime(lead.getResponseDueAt(), zone));
        return new RenderedEmail(subject, bodies.text(), bodies.html(), null);
    }

    /** "Lead X is unanswered past its deadline" to a manager, with who held it ({@code owner}). */
    RenderedEmail deadlineOverdue(Lead lead, StaffProfile manager, String owner) {
        var vars = common(lead);
        var zone = teamZone.or(manager.timeZone());
        vars.put("managerName", manager.firstName());
        vars.put("owner", owner);
        vars.put("dueAt", Times.dateTime(lead.getResponseDueAt(), zone));
        var bodies = templates.bodies(EmailKind.DEADLINE_OVERDUE.template(), vars);
        var subject = templates.subject("deadline-overdue.subject", lead.getReference(), lead.getFullName(), owner);
        return new RenderedEmail(subject, bodies.text(), bodies.html(), null);
    }

    private Map<String, Object> common(Lead lead) {
        var vars = new HashMap<String, Object>();
        vars.put("consultancyName", consultancyName);
        vars.put("reference", lead.getReference());
        vars.put("kind", lead.getKind().label());
        vars.put("firstName", lead.getFirstName());
        vars.put("fullName", lead.getFullName());
        vars.put("email", lead.getEmail());
        vars.put("details", details(lead));
        vars.put("message", lead.getMessage());
        vars.put("preferredTime", preferredTime(lead));
        vars.put("leadUrl", leadUrl(lead));
        return vars;
    }

    String leadUrl(Lead lead) {
        return links.to("/leads/" + lead.getReference());
    }

    private static List<Detail> details(Lead lead) {
        var details = new ArrayList<Detail>();
        details.add(new Detail("Request", lead.getKind().label()));
        details.add(new Detail("Stack", lead.getStack().label()));
        add(details, "Company", lead.getCompany());
        add(details, "Phone", lead.getPhone());
        if (lead.getContactMethod() != null) {
            details.add(new Detail("Contact by", lead.getContactMethod().label()));
        }
        add(details, "Preferred time", preferredTime(lead));
        if (lead.getProjectType() != null) {
            details.add(new Detail("Project", lead.getProjectType().label()));
        }
        if (lead.getBudget() != null) {
            details.add(new Detail("Budget", lead.getBudget().label()));
        }
        if (lead.getTimeline() != null) {
            details.add(new Detail("Timeline", lead.getTimeline().label()));
        }
        if (lead.getTeamSize() != null) {
            details.add(new Detail("Team size", lead.getTeamSize().label()));
        }
        return details;
    }

    private static void add(List<Detail> details, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            details.add(new Detail(label, value));
        }
    }

    private static @Nullable String preferredTime(Lead lead) {
        Instant at = lead.getPreferredContactAt();
        if (at == null) {
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(Objects.requireNonNullElse(lead.getVisitorTimeZone(), "UTC"));
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** One line of the request's summary: "Stack: Go". */
    public record Detail(String label, String value) {}
}
