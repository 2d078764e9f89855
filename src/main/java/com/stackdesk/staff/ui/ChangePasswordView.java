package com.stackdesk.staff.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.staff.OwnAccount;
import com.stackdesk.staff.PasswordPolicy;
import com.stackdesk.staff.StaffChangeRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A staff member changes their own password; the one-time and admin-set passwords send them here first. */
@Route(value = "account/password", layout = MainLayout.class)
@PageTitle("Change password")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    final Paragraph required = new Paragraph("Choose your own password before you continue.");
    final PasswordField current = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button change = new Button("Change password");
    final Paragraph problem = new Paragraph();

    private final OwnAccount account;

    ChangePasswordView(OwnAccount account) {
        this.account = account;
        addClassName("sd-page");
        required.setVisible(account.mustChangePassword());
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters, not a common password; a few unrelated words make a good one.");
        for (var field : new PasswordField[] {current, newPassword, repeat}) {
            field.setRequired(true);
            field.setWidth("24em");
        }
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> change());
        problem.getElement().setAttribute("role", "alert");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H1("Change password"), required, current, newPassword, repeat, change, problem);
    }

    private void change() {
        if (!newPassword.getValue().equals(repeat.getValue())) {
            problem.setText("The two new passwords differ.");
            return;
        }
        try {
            account.changePassword(current.getValue(), newPassword.getValue());
        } catch (StaffChangeRefused refused) {
            problem.setText(refused.getMessage());
            return;
        }
        problem.setText("");
        current.clear();
        newPassword.clear();
        repeat.clear();
        required.setVisible(false);
        Notification.show("Your password is changed. Your other sessions are signed out.");
        getUI().ifPresent(ui -> ui.navigate("dashboard"));
    }
}
