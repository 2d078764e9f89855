package com.stackdesk.staff.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffAbsence;
import com.stackdesk.staff.StaffAccount;
import com.stackdesk.staff.StaffAdministration;
import com.stackdesk.staff.StaffAuditEntry;
import com.stackdesk.staff.StaffChangeRefused;
import com.stackdesk.staff.StaffMember;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Admins manage staff accounts here: create, edit role, skills and capacity, deactivate, reset a
 * password, plan out-of-office periods; every change shows in the audit trail below.
 */
@Route(value = "admin/staff", layout = MainLayout.class)
@PageTitle("Staff")
@RolesAllowed("ADMIN")
public class StaffAdminView extends Main {

    final Grid<StaffMember> grid = new Grid<>();
    final Button newMember = new Button("New staff member", VaadinIcon.PLUS.create());

    final H2 editorTitle = new H2();
    final TextField username = new TextField("Username");
    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final Select<Role> role = new Select<>();
    final CheckboxGroup<StackLeaning> skills = new CheckboxGroup<>("Stack skills");
    final Checkbox generalist = new Checkbox("Generalist (takes \"Something else\" and \"Not sure yet\")");
    final IntegerField capacity = new IntegerField("Capacity (max open leads)");
    final IntegerField weight = new IntegerField("Routing weight");
    final PasswordField password = new PasswordField("Initial password");
    final Button save = new Button("Save");
    final Button toggleActive = new Button();
    final PasswordField newPassword = new PasswordField("New password");
    final Button resetPassword = new Button("Set password");

    final DatePicker absenceFrom = new DatePicker("Out of office from");
    final DatePicker absenceTo = new DatePicker("Until (inclusive)");
    final TextField absenceNote = new TextField("Note");
    final Button addAbsence = new Button("Add period");
    final UnorderedList absences = new UnorderedList();

    final Grid<StaffAuditEntry> audit = new Grid<>();

    private final Section editor = new Section();
    private final Div accountActions = new Div();
    private final Div absenceSection = new Div();
    private final StaffAdministration administration;
    private final Clock clock;
    private @Nullable StaffMember editing;

    private final java.time.ZoneId zone;

    StaffAdminView(StaffAdministration administration, Clock clock, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.administration = administration;
        this.clock = clock;
        addClassName("sd-page");

        newMember.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newMember.addClickListener(e -> edit(null));
        var head = new Div(new H1("Staff"), newMember);
        head.addClassName("sd-lead-head");

        configureGrid();
        configureEditor();
        configureAudit();

        var auditCard = new Section(new H2("Audit trail"), audit);
        auditCard.addClassName("sd-card");
        add(head, grid, editor, auditCard);
        refresh();
        editor.setVisible(false);
    }

    private void configureGrid() {
        grid.addColumn(StaffMember::getFullName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(StaffMember::getUsername).setHeader("Username").setAutoWidth(true);
        grid.addColumn(m -> m.getRole().label()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(StaffAdminView::skillsText).setHeader("Skills");
        grid.addColumn(StaffMember::getCapacity).setHeader("Capacity").setAutoWidth(true);
        grid.addColumn(m -> availability(m)).setHeader("Status").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::edit));
        grid.getElement().setAttribute("aria-label", "Staff accounts");
    }

    private String availability(StaffMember member) {
        if (!member.isActive()) {
            return "Deactivated";
        }
        var today = LocalDate.now(clock);
        boolean away = administration.absencesOf(Objects.requireNonNull(member.getId())).stream()
                .anyMatch(a -> a.covers(today));
        return away ? "Out of office" : "Active";
    }

    private static String skillsText(StaffMember member) {
        var text = member.getSkills().stream().sorted().map(StackLeaning::label).collect(Collectors.joining(", "));
        if (member.isGeneralist()) {
            text = text.isEmpty() ? "Generalist" : text + " + generalist";
        }
        return text.isEmpty() ? "—" : text;
    }

    private void configureEditor() {
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        skills.setItems(Arrays.stream(StackLeaning.values())
                .filter(StackLeaning::isSpecific)
                .toList());
        skills.setItemLabelGenerator(StackLeaning::label);
        capacity.setMin(0);
        capacity.setStepButtonsVisible(true);
        weight.setMin(1);
        weight.setStepButtonsVisible(true);
        password.setHelperText("At least 10 characters; the person changes it after signing in.");

        var form = new FormLayout(username, fullName, email, role, capacity, weight, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button("Close", e -> {
            editor.setVisible(false);
            grid.deselectAll();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var buttons = new Div(save, cancel);
        buttons.addClassName("sd-row");

        toggleActive.addClickListener(e -> toggleActive());
        resetPassword.addClickListener(e -> act(
                () -> {
                    administration.setPassword(Objects.requireNonNull(editingId()), newPassword.getValue());
                    newPassword.clear();
                },
                "Password set: they choose their own at their next sign-in"));
        newPassword.setHelperText(
                "Their open sessions end and their API tokens are revoked; they choose their own password at the next sign-in.");
        var passwordRow = new Div(newPassword, resetPassword);
        passwordRow.addClassName("sd-row");
        accountActions.add(passwordRow, toggleActive);
        accountActions.addClassName("sd-actions");

        addAbsence.addClickListener(e -> act(
                () -> {
                    if (absenceFrom.getValue() == null || absenceTo.getValue() == null) {
                        throw new StaffChangeRefused("Choose the first and the last day.");
                    }
                    administration.addAbsence(
                            Objects.requireNonNull(editingId()),
                            absenceFrom.getValue(),
                            absenceTo.getValue(),
                            absenceNote.getValue());
                    absenceFrom.clear();
                    absenceTo.clear();
                    absenceNote.clear();
                },
                "Out-of-office period added"));
        var absenceRow = new Div(absenceFrom, absenceTo, absenceNote, addAbsence);
        absenceRow.addClassName("sd-row");
        absenceSection.add(new H2("Out of office"), absences, absenceRow);

        editor.add(editorTitle, form, skills, generalist, buttons, accountActions, absenceSection);
        editor.addClassNames("sd-card", "sd-staff-editor");
    }

    private void configureAudit() {
        audit.addColumn(a -> com.stackdesk.base.Times.dateTime(a.getOccurredAt(), zone))
                .setHeader("When")
                .setAutoWidth(true);
        audit.addColumn(a -> Objects.requireNonNullElse(a.getActor(), "system"))
                .setHeader("Who")
                .setAutoWidth(true);
        audit.addColumn(a -> nameOf(a.getStaffId())).setHeader("Account").setAutoWidth(true);
        audit.addColumn(StaffAuditEntry::getField).setHeader("What").setAutoWidth(true);
        audit.addColumn(a -> Objects.requireNonNullElse(a.getOldValue(), "—")).setHeader("Old");
        audit.addColumn(a -> Objects.requireNonNullElse(a.getNewValue(), "—")).setHeader("New");
        audit.setAllRowsVisible(true);
        audit.setEmptyStateText("No changes to staff accounts yet.");
        audit.getElement().setAttribute("aria-label", "Changes to staff accounts");
    }

    private String nameOf(long staffId) {
        return grid.getListDataView()
                .getItems()
                .filter(m -> Objects.equals(m.getId(), staffId))
                .map(StaffMember::getFullName)
                .findFirst()
                .orElse("#" + staffId);
    }

    void edit(@Nullable StaffMember member) {
        this.editing = member;
        editor.setVisible(true);
        boolean creating = member == null;
        editorTitle.setText(creating ? "New staff member" : member.getFullName());
        username.setReadOnly(!creating);
        password.setVisible(creating);
        accountActions.setVisible(!creating);
        absenceSection.setVisible(!creating);
        var account =
                creating ? new StaffAccount("", "", "", Role.SALES, Set.of(), false, 20, 1) : StaffAccount.of(member);
        username.setValue(account.username());
        fullName.setValue(account.fullName());
        email.setValue(account.email());
        role.setValue(account.role());
        skills.setValue(account.skills());
        generalist.setValue(account.generalist());
        capacity.setValue(account.capacity());
        weight.setValue(account.weight());
        password.clear();
        newPassword.clear();
        if (!creating) {
            toggleActive.setText(member.isActive() ? "Deactivate account" : "Reactivate account");
            toggleActive.removeThemeVariants(ButtonVariant.LUMO_ERROR);
            if (member.isActive()) {
                toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            showAbsences(Objects.requireNonNull(member.getId()));
        }
    }

    private void showAbsences(long staffId) {
        absences.removeAll();
        var periods = administration.absencesOf(staffId);
        if (periods.isEmpty()) {
            absences.add(new ListItem("No out-of-office periods."));
        }
        for (StaffAbsence absence : periods) {
            var remove = new Button(
                    "Remove",
                    e -> act(
                            () -> administration.removeAbsence(Objects.requireNonNull(absence.getId())),
                            "Out-of-office period removed"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove out-of-office period " + absence);
            absences.add(new ListItem(new Span(absence.toString()), remove));
        }
    }

    private StaffAccount formAccount() {
        return new StaffAccount(
                username.getValue(),
                fullName.getValue(),
                email.getValue(),
                Objects.requireNonNullElse(role.getValue(), Role.SALES),
                skills.getValue(),
                generalist.getValue(),
                Objects.requireNonNullElse(capacity.getValue(), -1),
                Objects.requireNonNullElse(weight.getValue(), 0));
    }

    private void save() {
        act(
                () -> {
                    if (editing == null) {
                        editing = administration.create(formAccount(), password.getValue());
                    } else {
                        editing = administration.update(
                                Objects.requireNonNull(editing.getId()), editing.getVersion(), formAccount());
                    }
                },
                "Saved");
    }

    private void toggleActive() {
        var member = Objects.requireNonNull(editing);
        act(
                () -> editing = administration.setActive(Objects.requireNonNull(member.getId()), !member.isActive()),
                member.isActive() ? "Account deactivated" : "Account reactivated");
    }

    private @Nullable Long editingId() {
        return editing == null ? null : editing.getId();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            refresh();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaffChangeRefused e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(administration.all());
        audit.setItems(administration.recentChanges(50));
        if (editing != null) {
            var id = editing.getId();
            var fresh = administration.all().stream()
                    .filter(m -> Objects.equals(m.getId(), id))
                    .findFirst()
                    .orElse(null);
            edit(fresh);
        }
    }
}
