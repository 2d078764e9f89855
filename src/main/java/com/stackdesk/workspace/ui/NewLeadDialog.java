package com.stackdesk.workspace.ui;

import com.stackdesk.intake.ConsultationRequest;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.intake.SubmissionResult;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.StackLeaning;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A lead a rep or manager takes down by hand (a phone call that came in). It goes through the
 * intake service as a visitor's does: the same field rules, a repeat folded into the earlier lead,
 * routing; with source "phone" or "manual" and without the checks against bots.
 */
class NewLeadDialog extends Dialog {

    final RadioButtonGroup<IntakeService.Channel> channel = new RadioButtonGroup<>("How it came in");
    final TextField firstName = new TextField("First name");
    final TextField lastName = new TextField("Last name");
    final EmailField email = new EmailField("Email");
    final TextField phone = new TextField("Phone");
    final TextField company = new TextField("Company");
    final ComboBox<StackLeaning> stack = new ComboBox<>("Stack leaning");
    final TextArea message = new TextArea("What they asked about");
    final Checkbox consent = new Checkbox("They agreed to be contacted about this request");
    final Button create = new Button("Add lead");

    private final IntakeService intake;
    private final Consumer<String> added;

    NewLeadDialog(IntakeService intake, Consumer<String> added) {
        this.intake = intake;
        this.added = added;
        setHeaderTitle("New lead");
        addClassName("sd-new-lead");

        channel.setItems(IntakeService.Channel.values());
        channel.setItemLabelGenerator(c -> c == IntakeService.Channel.PHONE ? "Phone call" : "Other (by hand)");
        channel.setValue(IntakeService.Channel.PHONE);
        stack.setItems(StackLeaning.values());
        stack.setItemLabelGenerator(StackLeaning::label);
        firstName.setMaxLength(LeadLimits.NAME);
        lastName.setMaxLength(LeadLimits.NAME);
        email.setMaxLength(LeadLimits.EMAIL);
        company.setMaxLength(LeadLimits.COMPANY);
        phone.setMaxLength(LeadLimits.PHONE);
        message.setMaxLength(LeadLimits.MESSAGE);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setRequiredIndicatorVisible(true);
        email.setRequiredIndicatorVisible(true);
        stack.setRequiredIndicatorVisible(true);
        message.setRequiredIndicatorVisible(true);

        var form = new FormLayout(channel, firstName, lastName, email, phone, company, stack, message, consent);
        form.setColspan(channel, 2);
        form.setColspan(message, 2);
        form.setColspan(consent, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, create);
        setWidth("40rem");
        setMaxWidth("100vw");
    }

    private void create() {
        var request = new ConsultationRequest();
        request.setFirstName(firstName.getValue());
        request.setLastName(lastName.getValue());
        request.setEmail(email.getValue());
        request.setPhone(phone.getValue());
        request.setCompany(company.getValue());
        request.setStack(stack.getValue());
        request.setMessage(message.getValue());
        request.setContactMethod(phone.getValue().isBlank() ? ContactMethod.EMAIL : ContactMethod.PHONE);
        request.setConsent(consent.getValue());
        clearErrors();
        var result = intake.registerByHand(request, channel.getValue());
        switch (result) {
            case SubmissionResult.Accepted accepted -> {
                close();
                added.accept(accepted.reference());
                Notification.show(
                                accepted.repeated()
                                        ? "This lead was already there: " + accepted.reference() + " opened."
                                        : "Lead " + accepted.reference() + " added and routed.",
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                UI.getCurrent().navigate(LeadDetailView.class, new RouteParameters("reference", accepted.reference()));
            }
            case SubmissionResult.Invalid invalid -> showErrors(invalid.fieldErrors());
            case SubmissionResult.RateLimited limited -> showErrors(Map.of("email", "Try again in a minute."));
        }
    }

    private void clearErrors() {
        for (var field : java.util.List.<HasValidation>of(firstName, lastName, email, phone, company, stack, message)) {
            field.setInvalid(false);
        }
        consent.getElement().removeAttribute("invalid");
        consent.setHelperText(null);
    }

    /** Each message at its field; the visitor's wording for consent said as staff would. */
    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, text) -> {
            HasValidation target =
                    switch (field) {
                        case "firstName" -> firstName;
                        case "lastName" -> lastName;
                        case "email" -> email;
                        case "phone" -> phone;
                        case "company" -> company;
                        case "stack" -> stack;
                        case "message" -> message;
                        default -> null;
                    };
            if (target != null) {
                target.setErrorMessage(text);
                target.setInvalid(true);
            } else if (field.equals("consent")) {
                consent.getElement().setAttribute("invalid", "");
                consent.setHelperText("Ask whether we may contact them about this request, then tick this.");
            }
        });
    }
}
