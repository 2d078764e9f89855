package com.stackdesk.intake.ui;

import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.analytics.TrackedForm;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.intake.ConsultationRequest;
import com.stackdesk.intake.IntakeFields;
import com.stackdesk.intake.IntakeMetrics;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** "Book a Consultation": a call with an engineer who knows the visitor's stack. */
@Route(value = "book", layout = PublicLayout.class)
@PageTitle("Book a Consultation")
@AnonymousAllowed
class BookConsultationView extends LeadFormView<ConsultationRequest> {

    final TextField phone = new TextField("Phone (optional)");
    final TextField company = new TextField("Company (optional)");
    final RadioButtonGroup<ContactMethod> contactMethod = new RadioButtonGroup<>("How should we contact you?");
    final DateTimePicker preferredTime = new DateTimePicker("Preferred time (optional, your local time)");
    final TextArea message = new TextArea("What would you like to discuss?");

    BookConsultationView(
            IntakeService intake,
            IntakeMetrics metrics,
            FormAnalytics analytics,
            IntakeProperties properties,
            IntakeFields fields,
            Clock clock,
            CallBooking booking) {
        super(
                ConsultationRequest.class,
                ConsultationRequest::new,
                intake,
                metrics,
                analytics,
                TrackedForm.BOOK,
                properties,
                fields,
                clock,
                booking,
                LeadKind.CONSULTATION);
        phone.setAutocomplete(Autocomplete.TEL);
        // a telephone input, so phones show the number pad: the text field takes a slotted input of ours
        var telephone = new Element("input");
        telephone.setAttribute("slot", "input");
        telephone.setAttribute("type", "tel");
        telephone.setAttribute("inputmode", "tel");
        phone.getElement().appendChild(telephone);
        // the text field sets its input's type to text as it starts: set tel once it has
        phone.addAttachListener(
                e -> phone.getElement()
                        .executeJs(
                                "const field = this; customElements.whenDefined(field.localName).then(() =>"
                                        + " requestAnimationFrame(() => { if (field.inputElement) field.inputElement.type = 'tel'; }))"));
        limit(phone, LeadLimits.PHONE);
        company.setAutocomplete(Autocomplete.ORGANIZATION);
        limit(company, LeadLimits.COMPANY);
        contactMethod.setItems(ContactMethod.values());
        contactMethod.setItemLabelGenerator(ContactMethod::label);
        contactMethod.setValue(ContactMethod.VIDEO_CALL);
        contactMethod.setRequiredIndicatorVisible(true);
        preferredTime.setStep(Duration.ofMinutes(30));
        preferredTime.setMin(LocalDateTime.now(clock).plusHours(1).withMinute(0));
        preferredTime.setHelperText("Leave empty and we propose a time");
        limit(message, LeadLimits.MESSAGE);
        message.setRequiredIndicatorVisible(true);
        message.setPlaceholder("Your project, the challenge, what a good outcome looks like");
        layOut(List.of(phone, company), List.of(contactMethod, preferredTime, message));
    }
}
