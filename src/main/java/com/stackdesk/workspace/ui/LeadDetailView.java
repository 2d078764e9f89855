package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadChangedMeanwhile;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.LeadNotFound;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One lead: everything the visitor sent, the pipeline actions, notes and logged contact, and the
 * timeline of what happened. Saves carry the version the page was loaded with, so a change made
 * by someone else meanwhile is refused with a reload prompt instead of being overwritten.
 */
@Route(value = "leads/:reference", layout = MainLayout.class)
@RolesAllowed("SALES")
public class LeadDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final H1 title = new H1();
    final Span statusBadge = new Span();
    final Div conflict = new Div();
    final Span conflictMessage = new Span();
    final Button reload = new Button("Reload");

    final ComboBox<LeadStatus> nextStatus = new ComboBox<>("Move to");
    final TextField lostReason = new TextField("Why was it lost?");
    final TextArea statusNote = new TextArea("Note (optional)");
    final Button saveStatus = new Button("Save status");

    final TextField contactSummary = new TextField("How did you contact them?");
    final Button logContact = new Button("Log contact");

    final TextArea note = new TextArea("Note");
    final Button addNote = new Button("Add note");

    final TextField phone = new TextField("Phone");
    final TextField company = new TextField("Company");
    final Button saveContact = new Button("Save contact details");

    final TextField followUpText = new TextField("Next step");
    final DateTimePicker followUpAt = new DateTimePicker("Due");
    final Button saveFollowUp = new Button("Set next step");
    final Button followUpDone = new Button("Done");

    final Button take = new Button("Take this lead");
    final ComboBox<StaffDirectory.Assignee> reassignTo = new ComboBox<>("Reassign to");
    final Button reassign = new Button("Reassign");
    final Button unassign = new Button("Unassign");

    final DescriptionList fields = new DescriptionList();
    final OrderedList timeline = new OrderedList();
    private final Div actions = new Div();
    private final Span headInfo = new Span();

    private final LeadWork work;
    private final CallBooking calls;
    private final StaffPrincipal user;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<Long, String> namesById;
    private final Map<String, String> namesByUsername;
    private @Nullable Lead lead;
    private String reference = "";

    LeadDetailView(LeadWork work, StaffDirectory staff, CurrentUser currentUser, CallBooking calls, Clock clock) {
        this.work = work;
        this.calls = calls;
        this.user = currentUser.require();
        this.zone = currentUser.zone();
        this.clock = clock;
        this.namesById = staff.namesById();
        this.namesByUsername = staff.namesByUsername();
        addClassName("sd-page");

        var back = new RouterLink("← All leads", LeadsView.class);
        var head = new Div(title, statusBadge, headInfo);
        head.addClassName("sd-lead-head");

        conflict.addClassName("sd-conflict");
        conflict.getElement().setAttribute("role", "alert");
        reload.addClickListener(e -> reloadKeepingDrafts());
        conflict.add(conflictMessage, reload);
        conflict.setVisible(false);

        var request = card("Request", fields);
        var history = card("Timeline", timeline);
        timeline.addClassName("sd-timeline");
        var left = new Div(request, history);
        left.addClassNames("sd-actions", "sd-lead-record");

        actions.addClassName("sd-actions");
        var right = card("Work on this lead", actions);
        right.addClassName("sd-lead-work");

        // work first in the page's order: what a phone shows first and a keyboard reaches first;
        // on a wide screen the stylesheet puts it in the right-hand column
        var body = new Div(right, left);
        body.addClassName("sd-detail");
        add(back, head, conflict, body);
        configureActions(staff);
    }

    private void configureActions(StaffDirectory staff) {
        nextStatus.setItemLabelGenerator(LeadStatus::label);
        nextStatus.addValueChangeListener(e -> lostReason.setVisible(e.getValue() == LeadStatus.LOST));
        lostReason.setVisible(false);
        lostReason.setMaxLength(500);
        statusNote.setMaxLength(2000);
        saveStatus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveStatus.addClickListener(e -> {
            if (nextStatus.getValue() == null) {
                nextStatus.setInvalid(true);
                nextStatus.setErrorMessage("Choose the next status.");
                return;
            }
            act(
                    () -> work.changeStatus(
                            reference, version(), nextStatus.getValue(), lostReason.getValue(), statusNote.getValue()),
                    "Status saved");
        });
        logContact.addClickListener(
                e -> act(() -> work.logContact(reference, version(), contactSummary.getValue()), "Contact logged"));
        addNote.addClickListener(e -> act(
                () -> {
                    work.addNote(reference, note.getValue());
                    return null;
                },
                "Note added"));
        saveContact.addClickListener(e -> act(
                () -> work.changeContact(reference, version(), phone.getValue(), company.getValue()),
                "Contact details saved"));
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        take.addClickListener(e -> act(() -> work.take(reference, version()), "The lead is yours"));
        reassignTo.setItems(staff.activeAssignees());
        reassignTo.setItemLabelGenerator(StaffDirectory.Assignee::fullName);
        reassign.addClickListener(e -> {
            if (reassignTo.getValue() == null) {
                reassignTo.setInvalid(true);
                reassignTo.setErrorMessage("Choose who gets the lead.");
                return;
            }
            act(() -> work.reassign(reference, version(), reassignTo.getValue().id()), "Lead reassigned");
        });
        followUpText.setMaxLength(LeadLimits.FOLLOW_UP);
        followUpText.setPlaceholder("e.g. Send proposal");
        followUpAt.setHelperText("In " + zone.getId());
        followUpAt.setStep(java.time.Duration.ofMinutes(15));
        saveFollowUp.addClickListener(e -> {
            if (followUpAt.getValue() == null) {
                followUpAt.setInvalid(true);
                followUpAt.setErrorMessage("Pick when the next step is due.");
                return;
            }
            act(
                    () -> work.setFollowUp(
                            reference,
                            followUpText.getValue(),
                            followUpAt.getValue().atZone(zone).toInstant()),
                    "Next step set");
        });
        followUpDone.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        followUpDone.addClickListener(e -> act(() -> work.completeFollowUp(reference), "Next step done"));
        unassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        unassign.addClickListener(e -> act(() -> work.reassign(reference, version(), null), "Lead unassigned"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reference = event.getRouteParameters().get("reference").orElse("");
        try {
            load();
        } catch (LeadNotFound | AccessDeniedException e) {
            // a lead someone may not see looks the same as one that does not exist
            event.rerouteToError(NotFoundException.class, "No lead " + reference);
        }
    }

    @Override
    public String getPageTitle() {
        return lead == null ? "Lead" : lead.getFullName() + " · " + lead.getReference();
    }

    /** Shows the lead as it is now in the database, dropping a conflict message. */
    void load() {
        var current = work.open(reference);
        this.lead = current;
        conflict.setVisible(false);
        title.setText(current.getFullName());
        statusBadge.removeAll();
        statusBadge.add(Formats.statusBadge(current.getStatus()));
        headInfo.setText(current.getReference() + " · " + current.getKind().label() + " · "
                + (current.getAssigneeId() == null ? "Unassigned" : "Assigned to " + assigneeName(current)));
        headInfo.addClassName("sd-muted");
        showFields(current);
        showActions(current);
        showTimeline();
    }

    /**
     * What the rep typed and has not saved yet. A save refused because someone else changed the
     * lead meanwhile must not cost them their note: the reload shows the lead as it is now and puts
     * their text back. Phone and company count as typed only where they differ from what was shown.
     */
    private record Drafts(
            @Nullable LeadStatus nextStatus,
            String lostReason,
            String statusNote,
            String contactSummary,
            String note,
            @Nullable String phone,
            @Nullable String company) {}

    /** Reloads after a conflict, keeping what the rep typed. */
    void reloadKeepingDrafts() {
        var shown = lead;
        var drafts = new Drafts(
                nextStatus.getValue(),
                lostReason.getValue(),
                statusNote.getValue(),
                contactSummary.getValue(),
                note.getValue(),
                shown != null && !phone.getValue().equals(Objects.requireNonNullElse(shown.getPhone(), ""))
                        ? phone.getValue()
                        : null,
                shown != null && !company.getValue().equals(Objects.requireNonNullElse(shown.getCompany(), ""))
                        ? company.getValue()
                        : null);
        load();
        if (drafts.nextStatus() != null
                && nextStatus.getListDataView().getItems().anyMatch(drafts.nextStatus()::equals)) {
            nextStatus.setValue(drafts.nextStatus());
        }
        lostReason.setValue(drafts.lostReason());
        statusNote.setValue(drafts.statusNote());
        contactSummary.setValue(drafts.contactSummary());
        note.setValue(drafts.note());
        if (drafts.phone() != null) {
            phone.setValue(drafts.phone());
        }
        if (drafts.company() != null) {
            company.setValue(drafts.company());
        }
    }

    private void showFields(Lead l) {
        fields.removeAll();
        fields.addClassName("sd-fields");
        field("Reference", l.getReference());
        field("Kind", l.getKind().label());
        field("Received", Times.dateTime(l.getCreatedAt(), zone));
        var now = clock.instant();
        if (l.isAwaitingFirstResponse()) {
            var due = Objects.requireNonNull(l.getResponseDueAt());
            field("First response due", (due.isBefore(now) ? "Overdue · was due " : "") + Times.due(due, now, zone));
        }
        if (l.getFollowUpText() != null) {
            field("Next step", l.getFollowUpText() + " · due " + Times.due(l.getFollowUpAt(), now, zone));
        }
        field("Name", l.getFullName());
        fields.add(
                new DescriptionList.Term("Email"),
                new DescriptionList.Description(new Anchor("mailto:" + l.getEmail(), l.getEmail())));
        field("Phone", l.getPhone());
        field("Company", l.getCompany());
        field("Stack leaning", l.getStack().label());
        field("Message", l.getMessage());
        if (l.getContactMethod() != null) {
            field("Contact by", l.getContactMethod().label());
        }
        if (l.getPreferredContactAt() != null) {
            field("Preferred time", Times.dateTime(l.getPreferredContactAt(), zone));
        }
        calls.callOf(Objects.requireNonNull(l.getId()))
                .ifPresent(call -> field(
                        call.booked() ? "Booked call" : "Cancelled call",
                        Times.dateTime(call.startsAt()) + " with " + call.repName() + " (the visitor's time: "
                                + call.when(call.visitorZone()) + ")"));
        field("Visitor's time zone", l.getVisitorTimeZone());
        if (l.getProjectType() != null) {
            field("Project type", l.getProjectType().label());
        }
        if (l.getBudget() != null) {
            field("Budget", l.getBudget().label());
        }
        if (l.getTimeline() != null) {
            field("Timeline", l.getTimeline().label());
        }
        if (l.getTeamSize() != null) {
            field("Team size", l.getTeamSize().label());
        }
        var assistant = l.getAssistant();
        if (assistant != null) {
            field("Assistant", assistant.line());
            field("Assistant's answers", assistant.answers());
        }
        var source = l.getSource();
        field("Source", l.getSourceLabel());
        field("UTM medium / campaign", join(source.utmMedium(), source.utmCampaign()));
        field("UTM term / content", join(source.utmTerm(), source.utmContent()));
        field("Referrer", source.referrer());
        field("Landing page", source.landingPage());
        field("Consent", l.getConsentVersion() + ", " + Times.dateTime(l.getConsentAt(), zone));
        field("Client address", l.getClientIp());
        field("Suspected spam", l.isSuspectedSpam() ? "Yes: " + l.getSpamReason() : "No");
        field("Assignee", l.getAssigneeId() == null ? "Unassigned" : assigneeName(l));
        field("Routing", l.getRoutingReason());
        field(
                "First response",
                l.getFirstResponseAt() == null ? "Waiting" : Times.dateTime(l.getFirstResponseAt(), zone));
        if (l.getStatus() == LeadStatus.LOST) {
            field("Lost because", l.getLostReason());
        }
    }

    private void field(String term, @Nullable String value) {
        fields.add(
                new DescriptionList.Term(term),
                new DescriptionList.Description(value == null || value.isBlank() ? "—" : value));
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? "—" : a) + " / " + (b == null ? "—" : b);
    }

    private void showActions(Lead l) {
        actions.removeAll();
        boolean mayWork = work.canWork(l);
        if (l.getAssigneeId() == null && !user.isManager()) {
            actions.add(new Span("Nobody works on this lead yet."), take);
            return;
        }
        if (!mayWork) {
            actions.add(new Span("Only the assignee or a manager works on this lead."));
            return;
        }
        var allowed = l.getStatus().allowedNext();
        if (allowed.isEmpty()) {
            actions.add(new Span("This lead is closed (" + l.getStatus().label() + ")."));
        } else {
            nextStatus.setItems(allowed);
            nextStatus.setValue(allowed.getFirst());
            nextStatus.setInvalid(false);
            lostReason.clear();
            statusNote.clear();
            actions.add(subheading("Pipeline"), nextStatus, lostReason, statusNote, saveStatus);
        }
        contactSummary.clear();
        contactSummary.setPlaceholder("e.g. Called, left a voicemail");
        note.clear();
        var contactRow = new Div(contactSummary, logContact);
        contactRow.addClassName("sd-row");
        actions.add(subheading("Contact"), contactRow, note, addNote);
        phone.setValue(Objects.requireNonNullElse(l.getPhone(), ""));
        company.setValue(Objects.requireNonNullElse(l.getCompany(), ""));
        var detailsRow = new Div(phone, company);
        detailsRow.addClassName("sd-row");
        actions.add(subheading("Contact details"), detailsRow, saveContact);
        followUpText.setValue(Objects.requireNonNullElse(l.getFollowUpText(), ""));
        followUpAt.setValue(l.getFollowUpAt() == null ? null : LocalDateTime.ofInstant(l.getFollowUpAt(), zone));
        followUpAt.setInvalid(false);
        var followUpRow = new Div(followUpText, followUpAt);
        followUpRow.addClassName("sd-row");
        var followUpButtons = new Div(saveFollowUp);
        followUpButtons.addClassName("sd-row");
        if (l.getFollowUpText() != null) {
            followUpButtons.add(followUpDone);
        }
        actions.add(subheading("Next step"), followUpRow, followUpButtons);
        if (user.isManager()) {
            reassignTo.clear();
            reassignTo.setInvalid(false);
            var row = new Div(reassignTo, reassign);
            row.addClassName("sd-row");
            actions.add(subheading("Assignment"), row);
            if (l.getAssigneeId() != null) {
                actions.add(unassign);
            } else {
                actions.add(take);
            }
        }
    }

    private static Component subheading(String text) {
        var h = new H2(text);
        h.addClassName("sd-subheading");
        return h;
    }

    private void showTimeline() {
        timeline.removeAll();
        for (LeadActivity activity : work.timelineOf(reference).reversed()) {
            var when = new Span(Times.dateTime(activity.getOccurredAt(), zone) + " · "
                    + (activity.getActor() == null
                            ? "System"
                            : namesByUsername.getOrDefault(activity.getActor(), activity.getActor())));
            when.addClassName("when");
            var what = new Div(activity.getText());
            what.addClassName("what");
            var item = new ListItem(when, what);
            if (activity.getField() != null
                    && !"assignee".equals(activity.getField())
                    && !"status".equals(activity.getField())) {
                var change =
                        new Div(activity.getField() + ": " + Objects.requireNonNullElse(activity.getOldValue(), "—")
                                + " → " + Objects.requireNonNullElse(activity.getNewValue(), "—"));
                change.addClassName("sd-muted");
                item.add(change);
            }
            item.addClassName("type-" + activity.getType().name().toLowerCase(Locale.ROOT));
            timeline.add(item);
        }
    }

    private String assigneeName(Lead l) {
        return namesById.getOrDefault(l.getAssigneeId(), "staff #" + l.getAssigneeId());
    }

    private long version() {
        return lead == null ? -1 : lead.getVersion();
    }

    private void act(Supplier<@Nullable Object> action, String success) {
        try {
            action.get();
            load();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (LeadChangedMeanwhile e) {
            conflictMessage.setText(e.getMessage());
            conflict.setVisible(true);
        } catch (IllegalLeadChange | AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static Section card(String heading, Component content) {
        var section = new Section(new H2(heading), content);
        section.addClassName("sd-card");
        return section;
    }
}
