package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.lead.ContactKind;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadChangedMeanwhile;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadFilterParameters;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.LeadNotFound;
import com.stackdesk.lead.LeadOrder;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.lead.LostReasons;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One lead: everything the visitor sent, the pipeline actions, one composer for notes and logged
 * contact, and the timeline of what happened. Opened from a list, it keeps that list (its filters
 * and order arrive as the list's query string): Back returns to it, Previous and Next walk it, and
 * single-key shortcuts ({@code ?} shows them) do the common moves. Saves carry the version the page
 * was loaded with, so a change made by someone else meanwhile is refused with a reload prompt
 * instead of being overwritten, and what the rep typed survives the reload.
 */
@Route(value = "leads/:reference", layout = MainLayout.class)
@RolesAllowed("SALES")
public class LeadDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter that says the list was "My leads" rather than all leads. */
    static final String LIST = "list";

    /** What the composer adds: a note, or a logged call, email or meeting. */
    enum Entry {
        NOTE("Note", null),
        CALL("Call", ContactKind.CALL),
        EMAIL("Email", ContactKind.EMAIL),
        MEETING("Meeting", ContactKind.MEETING);

        final String label;
        final @Nullable ContactKind contact;

        Entry(String label, @Nullable ContactKind contact) {
            this.label = label;
            this.contact = contact;
        }
    }

    final H1 title = new H1();
    final Span statusBadge = new Span();
    final Div conflict = new Div();
    final Span conflictMessage = new Span();
    final Button reload = new Button("Reload");

    final Anchor back = new Anchor("leads", "← All leads");
    final Button previous = new Button("‹ Previous");
    final Button next = new Button("Next ›");
    final Button help = new Button("Shortcuts");

    final RadioButtonGroup<Entry> entryType = new RadioButtonGroup<>("Add to the timeline");
    final TextArea entryText = new TextArea();
    final Checkbox moveAlong = new Checkbox();
    final Button addEntry = new Button("Log call");

    final ComboBox<LeadStatus> nextStatus = new ComboBox<>("Move to");
    final ComboBox<String> lostReason = new ComboBox<>("Why was it lost?");
    final TextField lostReasonOther = new TextField("In a few words");
    final Button saveStatus = new Button("Save status");

    /** After a click on the phone number or email address: offers to log that call or email. */
    final Div contactPrompt = new Div();

    final Span contactPromptText = new Span();
    final Button logPromptedContact = new Button();
    final Button dismissPrompt = new Button("Not now");

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
    final KeyShortcuts shortcuts = new KeyShortcuts();
    private final Div actions = new Div();
    private final Span headInfo = new Span();

    private final LeadWork work;
    private final LeadSearch search;
    private final LostReasons lostReasons;
    private final StaffDirectory staff;
    private final CallBooking calls;
    private final StaffPrincipal user;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<Long, String> namesById;
    private final Map<String, String> namesByUsername;
    private @Nullable Lead lead;
    private String reference = "";
    /** The list the lead was opened from: its query string as the grid wrote it. */
    private QueryParameters listQuery = QueryParameters.empty();

    private String backPath = "leads";
    private QueryParameters backQuery = QueryParameters.empty();

    private LeadFilter listFilter = LeadFilter.NONE;
    private List<LeadOrder> listOrder = List.of();
    private LeadSearch.Neighbours neighbours = new LeadSearch.Neighbours(null, null);
    private @Nullable ContactKind prompted;

    LeadDetailView(
            LeadWork work,
            LeadSearch search,
            LostReasons lostReasons,
            StaffDirectory staff,
            CurrentUser currentUser,
            CallBooking calls,
            Clock clock) {
        this.work = work;
        this.search = search;
        this.lostReasons = lostReasons;
        this.staff = staff;
        this.calls = calls;
        this.user = currentUser.require();
        this.zone = currentUser.zone();
        this.clock = clock;
        this.namesById = staff.namesById();
        this.namesByUsername = staff.namesByUsername();
        addClassName("sd-page");

        back.addClassName("sd-back");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        help.addClassName("sd-shortcuts-button");
        previous.addClickListener(e -> goTo(neighbours.previous()));
        next.addClickListener(e -> goTo(neighbours.next()));
        previous.setTooltipText("Previous lead in the list (k or p)");
        next.setTooltipText("Next lead in the list (j or n)");
        help.setTooltipText("Keyboard shortcuts (?)");
        help.addClickListener(e -> showHelp());
        var walk = new Div(previous, next, help);
        walk.addClassName("sd-walk");
        var nav = new Div(back, walk);
        nav.addClassName("sd-lead-nav");
        nav.getElement().setAttribute("role", "navigation");
        nav.getElement().setAttribute("aria-label", "This list");

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
        add(nav, head, conflict, body);
        configureComposer();
        configureActions(staff);
        configureShortcuts();
    }

    private void configureComposer() {
        entryType.setItems(Entry.values());
        entryType.setItemLabelGenerator(e -> e.label);
        entryType.setValue(Entry.CALL);
        entryType.addClassName("sd-entry-type");
        entryType.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                offerMoveAlong();
            }
            describeEntry();
        });
        entryText.setMaxLength(2000);
        entryText.setWidthFull();
        entryText.setAriaLabel("What happened");
        entryText.addClassName("sd-entry-text");
        entryText.setHelperText("Enter saves · Shift+Enter new line · Ctrl+Enter saves and opens the next lead");
        // every keystroke reaches the server before the Enter that saves it
        entryText.setValueChangeMode(ValueChangeMode.EAGER);
        entryText.addValueChangeListener(e -> entryText.setInvalid(false));
        Shortcuts.addShortcutListener(entryText, () -> addEntry(false), Key.ENTER)
                .listenOn(entryText);
        Shortcuts.addShortcutListener(entryText, () -> addEntry(true), Key.ENTER, KeyModifier.CONTROL)
                .listenOn(entryText);
        Shortcuts.addShortcutListener(entryText, () -> addEntry(true), Key.ENTER, KeyModifier.META)
                .listenOn(entryText);
        addEntry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addEntry.addClickListener(e -> addEntry(false));
        moveAlong.addClassName("sd-move-along");
        describeEntry();
    }

    private void configureActions(StaffDirectory staff) {
        nextStatus.setItemLabelGenerator(this::moveLabel);
        nextStatus.addValueChangeListener(e -> {
            nextStatus.setInvalid(false);
            lostReason.setVisible(e.getValue() == LeadStatus.LOST);
            lostReasonOther.setVisible(
                    e.getValue() == LeadStatus.LOST && LostReasons.OTHER.equals(lostReason.getValue()));
        });
        lostReason.setVisible(false);
        lostReason.addValueChangeListener(e -> {
            lostReason.setInvalid(false);
            lostReasonOther.setVisible(LostReasons.OTHER.equals(e.getValue()));
        });
        lostReasonOther.setVisible(false);
        lostReasonOther.setMaxLength(500);
        lostReasonOther.addValueChangeListener(e -> lostReasonOther.setInvalid(false));
        saveStatus.addClickListener(e -> saveStatus());
        saveContact.addClickListener(e -> act(
                () -> work.changeContact(reference, version(), phone.getValue(), company.getValue()),
                "Contact details saved",
                phone));
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        take.addClickListener(e -> act(() -> work.take(reference, version()), "The lead is yours", null));
        reassignTo.setItems(staff.activeAssignees());
        reassignTo.setItemLabelGenerator(StaffDirectory.Assignee::fullName);
        reassign.addClickListener(e -> {
            if (reassignTo.getValue() == null) {
                reassignTo.setInvalid(true);
                reassignTo.setErrorMessage("Choose who gets the lead.");
                return;
            }
            act(() -> work.reassign(reference, version(), reassignTo.getValue().id()), "Lead reassigned", reassignTo);
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
                    "Next step set",
                    followUpText);
        });
        followUpDone.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        followUpDone.addClickListener(e -> act(() -> work.completeFollowUp(reference), "Next step done", followUpText));
        unassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        unassign.addClickListener(
                e -> act(() -> work.reassign(reference, version(), null), "Lead unassigned", reassignTo));

        contactPrompt.addClassName("sd-contact-prompt");
        contactPrompt.getElement().setAttribute("role", "status");
        logPromptedContact.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        dismissPrompt.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logPromptedContact.addClickListener(e -> logPromptedContact());
        dismissPrompt.addClickListener(e -> contactPrompt.setVisible(false));
        contactPrompt.add(contactPromptText, logPromptedContact, dismissPrompt);
        contactPrompt.setVisible(false);
    }

    private void configureShortcuts() {
        shortcuts
                .add("Next lead in the list", () -> goTo(neighbours.next()), "j", "n")
                .add("Previous lead in the list", () -> goTo(neighbours.previous()), "k", "p")
                .add("Log a call", () -> startEntry(Entry.CALL), "c")
                .add("Log an email", () -> startEntry(Entry.EMAIL), "e")
                .add("Log a meeting", () -> startEntry(Entry.MEETING), "m")
                .add("Write a note", () -> startEntry(Entry.NOTE), "w")
                .add("Change the status", this::startStatusChange, "s")
                .add("Back to the list", this::backToList, "u")
                .add("Search the list", this::searchTheList, "/")
                .add("Show these shortcuts", this::showHelp, "?");
        shortcuts.bindTo(this);
    }

    /** Shows the shortcuts in a dialog. */
    Dialog showHelp() {
        var composerKeys = new LinkedHashMap<String, String>();
        composerKeys.put("Enter", "In the text: save the entry");
        composerKeys.put("Shift+Enter", "In the text: a new line");
        composerKeys.put("Ctrl+Enter", "In the text: save and open the next lead");
        composerKeys.put("Esc", "Leave the field (then single keys work)");
        var dialog = shortcuts.helpDialog(composerKeys);
        dialog.open();
        return dialog;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reference = event.getRouteParameters().get("reference").orElse("");
        readList(event.getLocation().getQueryParameters());
        contactPrompt.setVisible(false);
        try {
            load();
        } catch (LeadNotFound | AccessDeniedException e) {
            // a lead someone may not see looks the same as one that does not exist
            event.rerouteToError(NotFoundException.class, "No lead " + reference);
        }
    }

    /** Reads the list the lead was opened from, as the grid put it in the query string. */
    private void readList(QueryParameters query) {
        listQuery = query;
        var parameters = new LinkedHashMap<>(query.getParameters());
        boolean mine = "mine"
                .equals(parameters.getOrDefault(LIST, List.of()).stream()
                        .findFirst()
                        .orElse(null));
        parameters.remove(LIST);
        parameters.remove(LeadsView.AT);
        parameters.remove(LeadsView.FOCUS);
        var parsed = LeadFilterParameters.parse(parameters, user.staffId(), staff::idOf);
        var filter = parsed.parameters().filter(clock.instant());
        listFilter = mine
                ? filter.toBuilder()
                        .assignee(LeadFilter.Assignee.of(user.staffId()))
                        .build()
                : filter;
        listOrder = parsed.parameters().sort();
        boolean filtered = !parameters.isEmpty();
        var listParameters = new LinkedHashMap<String, List<String>>(parameters);
        listParameters.put(LeadsView.AT, List.of(reference));
        backPath = mine ? "leads/mine" : "leads";
        backQuery = new QueryParameters(listParameters);
        back.setHref(backPath + "?" + backQuery.getQueryString());
        back.setText(
                mine
                        ? (filtered ? "← Back to my leads (filtered)" : "← My leads")
                        : filtered ? "← Back to the list (filtered)" : "← All leads");
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
        neighbours = search.neighbours(listFilter, listOrder, reference);
        previous.setEnabled(neighbours.previous() != null);
        next.setEnabled(neighbours.next() != null);
        showFields(current);
        showActions(current);
        showTimeline();
    }

    /** Opens another lead of the same list, keeping the list. */
    private void goTo(@Nullable String other) {
        if (other == null) {
            Notification.show("That is the end of this list.", 3000, Notification.Position.BOTTOM_START);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("leads/" + other, listQuery));
    }

    private void backToList() {
        getUI().ifPresent(ui -> ui.navigate(backPath, backQuery));
    }

    private void searchTheList() {
        getUI().ifPresent(ui -> ui.navigate(backPath, backQuery.merging(LeadsView.FOCUS, "search")));
    }

    /** The composer, ready for {@code entry}: its type chosen, the move offered, the text focused. */
    void startEntry(Entry entry) {
        if (!entryText.isAttached() || !entryText.isVisible()) {
            return;
        }
        entryType.setValue(entry);
        offerMoveAlong();
        entryText.focus();
    }

    private void startStatusChange() {
        if (nextStatus.isAttached()) {
            nextStatus.focus();
        }
    }

    /** Checks "and move to Contacted" for a contact with a NEW lead; leaves it unchecked otherwise. */
    private void offerMoveAlong() {
        var current = lead;
        var entry = entryType.getValue();
        moveAlong.setValue(
                current != null && current.getStatus() == LeadStatus.NEW && entry != null && entry.contact != null);
    }

    private void describeEntry() {
        var entry = Objects.requireNonNullElse(entryType.getValue(), Entry.NOTE);
        addEntry.setText(entry.contact == null ? "Add note" : "Log " + entry.contact.noun());
        entryText.setPlaceholder(
                switch (entry) {
                    case NOTE -> "A note for the team";
                    case CALL -> "e.g. Called, left a voicemail";
                    case EMAIL -> "e.g. Sent the case studies";
                    case MEETING -> "e.g. Video call with the CTO, wants a proposal";
                });
    }

    /** Saves the composer's entry (and the move, if checked); with {@code thenNext} opens the next lead. */
    void addEntry(boolean thenNext) {
        var entry = Objects.requireNonNullElse(entryType.getValue(), Entry.NOTE);
        var text = entryText.getValue();
        if (text.isBlank()) {
            entryText.setErrorMessage(
                    entry.contact == null
                            ? "Type the note first."
                            : "Say what happened on the " + entry.contact.noun() + ".");
            entryText.setInvalid(true);
            entryText.focus();
            return;
        }
        var current = lead;
        var moveTo = moveAlong.isVisible() && moveAlong.getValue() && current != null
                ? current.getStatus().next()
                : null;
        var saved = act(
                () -> {
                    if (entry.contact != null) {
                        return work.logContact(reference, version(), entry.contact, text, moveTo);
                    }
                    if (moveTo != null) {
                        return work.changeStatus(reference, version(), moveTo, null, text);
                    }
                    work.addNote(reference, text);
                    return null;
                },
                (entry.contact == null ? "Note added" : entry.label + " logged")
                        + (moveTo == null ? "" : ", moved to " + moveTo.label()),
                entryText);
        if (saved) {
            entryText.clear();
            entryText.setInvalid(false);
            if (thenNext) {
                goTo(neighbours.next());
            }
        }
    }

    private void saveStatus() {
        var target = nextStatus.getValue();
        if (target == null) {
            nextStatus.setInvalid(true);
            nextStatus.setErrorMessage("Choose the next status.");
            return;
        }
        String reason = null;
        if (target == LeadStatus.LOST) {
            if (lostReason.getValue() == null) {
                lostReason.setErrorMessage("Choose why the lead was lost.");
                lostReason.setInvalid(true);
                return;
            }
            if (LostReasons.OTHER.equals(lostReason.getValue())) {
                if (lostReasonOther.getValue().isBlank()) {
                    lostReasonOther.setErrorMessage("Say why in a few words.");
                    lostReasonOther.setInvalid(true);
                    return;
                }
                reason = lostReasonOther.getValue();
            } else {
                reason = lostReason.getValue();
            }
        }
        var why = reason;
        act(() -> work.changeStatus(reference, version(), target, why, null), "Status saved", nextStatus);
    }

    private String moveLabel(LeadStatus target) {
        var current = lead;
        if (current != null && target == current.getStatus().previous()) {
            return target.label() + " (one step back)";
        }
        return target.label();
    }

    /** Offers to log the call or email the rep just started from the phone or email link. */
    private void promptToLog(ContactKind kind, String with) {
        prompted = kind;
        contactPromptText.setText(
                kind == ContactKind.CALL ? "Did you call " + with + "? " : "Did you email " + with + "? ");
        logPromptedContact.setText(kind == ContactKind.CALL ? "Log this call" : "Log this email");
        contactPrompt.setVisible(true);
    }

    private void logPromptedContact() {
        var current = lead;
        var kind = prompted;
        if (current == null || kind == null) {
            return;
        }
        var summary = kind == ContactKind.CALL
                ? "Called " + Objects.requireNonNullElse(current.getPhone(), "")
                : "Emailed " + current.getEmail() + " (subject: " + mailSubject(current) + ")";
        if (act(() -> work.logContact(reference, version(), kind, summary, null), kind.label() + " logged", null)) {
            contactPrompt.setVisible(false);
        }
    }

    private static String mailSubject(Lead l) {
        return "Your enquiry " + l.getReference();
    }

    /**
     * What the rep typed and has not saved yet. A save refused because someone else changed the
     * lead meanwhile must not cost them their text: the reload shows the lead as it is now and puts
     * it back. Phone and company count as typed only where they differ from what was shown.
     */
    private record Drafts(
            @Nullable Entry entry,
            String text,
            boolean moveAlong,
            @Nullable LeadStatus nextStatus,
            @Nullable String lostReason,
            String lostReasonOther,
            @Nullable String phone,
            @Nullable String company) {}

    /** Reloads after a conflict, keeping what the rep typed. */
    void reloadKeepingDrafts() {
        var shown = lead;
        var drafts = new Drafts(
                entryType.getValue(),
                entryText.getValue(),
                moveAlong.getValue(),
                nextStatus.getValue(),
                lostReason.getValue(),
                lostReasonOther.getValue(),
                shown != null && !phone.getValue().equals(Objects.requireNonNullElse(shown.getPhone(), ""))
                        ? phone.getValue()
                        : null,
                shown != null && !company.getValue().equals(Objects.requireNonNullElse(shown.getCompany(), ""))
                        ? company.getValue()
                        : null);
        load();
        entryType.setValue(drafts.entry());
        entryText.setValue(drafts.text());
        moveAlong.setValue(drafts.moveAlong());
        if (drafts.nextStatus() != null
                && nextStatus.getListDataView().getItems().anyMatch(drafts.nextStatus()::equals)) {
            nextStatus.setValue(drafts.nextStatus());
        }
        lostReason.setValue(drafts.lostReason());
        lostReasonOther.setValue(drafts.lostReasonOther());
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
        var mail = new Anchor(
                "mailto:" + l.getEmail() + "?subject="
                        + URLEncoder.encode(mailSubject(l), StandardCharsets.UTF_8)
                                .replace("+", "%20"),
                l.getEmail());
        mail.addClassName("sd-mail-link");
        mail.getElement().addEventListener("click", e -> promptToLog(ContactKind.EMAIL, l.getEmail()));
        fields.add(new DescriptionList.Term("Email"), new DescriptionList.Description(mail));
        if (l.getPhone() == null || l.getPhone().isBlank()) {
            field("Phone", null);
        } else {
            var call = new Anchor("tel:" + l.getPhone().replaceAll("[^+0-9]", ""), l.getPhone());
            call.addClassName("sd-phone-link");
            call.getElement().addEventListener("click", e -> promptToLog(ContactKind.CALL, l.getPhone()));
            fields.add(new DescriptionList.Term("Phone"), new DescriptionList.Description(call));
        }
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
            var label = l.getLostReasonLabel();
            field(
                    "Lost because",
                    label == null || label.equals(l.getLostReason())
                            ? l.getLostReason()
                            : label + ": " + l.getLostReason());
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
        actions.add(contactPrompt);
        var following = l.getStatus().next();
        moveAlong.setVisible(following != null);
        moveAlong.setLabel(following == null ? "" : "and move to " + following.label());
        if (entryType.getValue() == null) {
            entryType.setValue(Entry.CALL);
        }
        offerMoveAlong();
        entryText.setInvalid(false);
        var submitRow = new Div(moveAlong, addEntry);
        submitRow.addClassNames("sd-row", "sd-composer-submit");
        var composer = new Div(entryType, entryText, submitRow);
        composer.addClassName("sd-composer");
        actions.add(composer);

        var allowed = l.getStatus().allowedNext();
        if (allowed.isEmpty()) {
            actions.add(new Span("This lead is closed (" + l.getStatus().label() + ")."));
        } else {
            nextStatus.setItems(allowed);
            nextStatus.setValue(allowed.getFirst());
            nextStatus.setInvalid(false);
            var reasons = new ArrayList<>(lostReasons.labels());
            reasons.add(LostReasons.OTHER);
            lostReason.setItems(reasons);
            lostReason.clear();
            lostReason.setInvalid(false);
            lostReasonOther.clear();
            lostReasonOther.setInvalid(false);
            var statusRow = new Div(nextStatus, lostReason, lostReasonOther, saveStatus);
            statusRow.addClassName("sd-row");
            actions.add(subheading("Status"), statusRow);
        }
        phone.setValue(Objects.requireNonNullElse(l.getPhone(), ""));
        company.setValue(Objects.requireNonNullElse(l.getCompany(), ""));
        phone.setInvalid(false);
        var detailsRow = new Div(phone, company);
        detailsRow.addClassName("sd-row");
        actions.add(subheading("Contact details"), detailsRow, saveContact);
        followUpText.setValue(Objects.requireNonNullElse(l.getFollowUpText(), ""));
        followUpText.setInvalid(false);
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

    /**
     * Runs a change and shows the lead anew. A refusal is shown at {@code errorAt} (the field the
     * change came from), or in a notification when no field fits; a conflict shows the reload banner.
     * Returns whether the change was saved.
     */
    private boolean act(
            Supplier<@Nullable Object> action,
            String success,
            com.vaadin.flow.component.@Nullable HasValidation errorAt) {
        try {
            action.get();
            load();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (LeadChangedMeanwhile e) {
            conflictMessage.setText(e.getMessage());
            conflict.setVisible(true);
        } catch (IllegalLeadChange | AccessDeniedException e) {
            if (errorAt != null) {
                errorAt.setErrorMessage(e.getMessage());
                errorAt.setInvalid(true);
            } else {
                Notification.show(e.getMessage(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
        return false;
    }

    private static Section card(String heading, Component content) {
        var section = new Section(new H2(heading), content);
        section.addClassName("sd-card");
        return section;
    }
}
