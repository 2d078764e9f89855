package com.stackdesk.intake.ui;

import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.analytics.FormEvent;
import com.stackdesk.analytics.TrackedForm;
import com.stackdesk.base.Plurals;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.intake.IntakeFields;
import com.stackdesk.intake.IntakeMetrics;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.intake.LeadRequest;
import com.stackdesk.intake.SubmissionResult;
import com.stackdesk.intake.Visit;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.StackLeaning;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both public forms share: the contact fields, the stack leaning, consent, the honeypot, and
 * handing the request to {@link IntakeService}. Validation comes from the request's constraints.
 */
abstract class LeadFormView<R extends LeadRequest> extends Div {

    private static final Logger log = LoggerFactory.getLogger(LeadFormView.class);

    final TextField firstName = new TextField("First name");
    final TextField lastName = new TextField("Last name");
    final EmailField email = new EmailField("Email");
    final RadioButtonGroup<StackLeaning> stack = new RadioButtonGroup<>("Which backend stack do you lean toward?");
    final Checkbox consent = new Checkbox();
    final TextField website = new TextField("Leave this field empty");
    final Button submit = new Button();
    final Paragraph formError = new Paragraph();

    final BeanValidationBinder<R> binder;
    final FormLayout form = new FormLayout();
    final Div consentLine = new Div();

    private final LeadKind kind;
    private final IntakeService intake;
    private final CallBooking booking;
    private final IntakeMetrics metrics;
    private final FormAnalytics analytics;
    private final TrackedForm trackedForm;
    private boolean started;
    private final Supplier<R> newRequest;
    private final Clock clock;
    private Instant openedAt;
    private @Nullable String timeZone;

    LeadFormView(
            Class<R> type,
            Supplier<R> newRequest,
            IntakeService intake,
            IntakeMetrics metrics,
            FormAnalytics analytics,
            TrackedForm trackedForm,
            IntakeProperties properties,
            IntakeFields fields,
            Clock clock,
            CallBooking booking,
            LeadKind kind) {
        this.kind = kind;
        this.intake = intake;
        this.booking = booking;
        this.metrics = metrics;
        this.analytics = analytics;
        this.trackedForm = trackedForm;
        this.newRequest = newRequest;
        this.clock = clock;
        this.openedAt = clock.instant();
        this.binder = new BeanValidationBinder<>(type);
        addClassName("sd-form-page");

        firstName.setAutocomplete(Autocomplete.GIVEN_NAME);
        lastName.setAutocomplete(Autocomplete.FAMILY_NAME);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setHelperText("We send your confirmation here");
        limit(firstName, LeadLimits.NAME);
        limit(lastName, LeadLimits.NAME);
        email.setMaxLength(LeadLimits.EMAIL);
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("Enter an email address like name@company.com")
                .setMaxLengthErrorMessage("Keep it under " + LeadLimits.EMAIL + " characters"));
        email.setValueChangeMode(ValueChangeMode.ON_BLUR);

        stack.setItems(StackLeaning.values());
        stack.setItemLabelGenerator(StackLeaning::label);
        stack.addClassName("sd-choice-chips");

        consent.setLabel(properties.consentText());
        consentLine.add(consent);
        consentLine.addClassName("sd-consent");
        if (!properties.privacyPolicyUrl().isBlank()) {
            // a new tab: following the link must not cost the visitor what they typed so far
            var privacy = new Anchor(properties.privacyPolicyUrl(), "Privacy policy");
            privacy.setTarget(AnchorTarget.BLANK);
            privacy.getElement().setAttribute("rel", "noopener");
            privacy.addClassName("sd-privacy-link");
            consentLine.add(privacy);
        }

        // The honeypot: off-screen for people, and skipped by the keyboard.
        website.addClassName("sd-hp");
        website.setTabIndex(-1);
        website.setAutocomplete(Autocomplete.OFF);

        formError.addClassName("sd-form-error");
        formError.setVisible(false);
        formError.getElement().setAttribute("role", "alert");

        submit.setText(fields.submitLabel(kind));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submitForm());

        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        form.setAutoResponsive(false);

        var heading = new H1(fields.title(kind));
        var lead = new Paragraph(fields.intro(kind));
        lead.addClassName("sd-intro");
        add(heading, lead, form, website, formError, submit);
    }

    /** Binds and places the fields; subclasses call this once their own fields are ready. */
    void layOut(List<Component> beforeStack, List<Component> afterStack) {
        form.add(firstName, lastName, email);
        beforeStack.forEach(form::add);
        form.add(stack, 2);
        afterStack.forEach(field -> form.add(field, field instanceof TextArea ? 2 : 1));
        form.add(consentLine, 2);
        binder.bindInstanceFields(this);
        // the form analytics' "start": the first field the visitor changes
        binder.addValueChangeListener(e -> {
            if (!started && e.isFromClient()) {
                started = true;
                getUI().ifPresent(ui -> analytics.count(trackedForm, FormEvent.START, FirstTouch.of(ui.getSession())));
            }
        });
        for (var required : new HasValueAndElement<?, ?>[] {firstName, lastName, email, stack, consent}) {
            required.setRequiredIndicatorVisible(true);
        }
    }

    static void limit(TextField field, int max) {
        field.setMaxLength(max);
    }

    static void limit(TextArea field, int max) {
        field.setMaxLength(max);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.addValueChangeListener(
                e -> e.getSource().setHelperText(e.getValue().length() + " / " + max));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        openedAt = clock.instant();
        event.getUI().getPage().retrieveExtendedClientDetails(details -> timeZone = details.getTimeZoneId());
        // counted once the browser has answered, after the layout has read the first page's referrer,
        // so a view is counted under the same source as the lead it may become
        var session = event.getSession();
        getElement()
                .executeJs("return null")
                .then(ignored -> analytics.count(trackedForm, FormEvent.VIEW, FirstTouch.of(session)));
    }

    private void submitForm() {
        formError.setVisible(false);
        var request = newRequest.get();
        request.setFormName(trackedForm.id());
        if (!binder.writeBeanIfValid(request)) {
            showFormError("Please correct the highlighted fields.");
            focusFirstInvalid();
            submit.setEnabled(true);
            return;
        }
        var visit =
                new Visit(clientAddress(), FirstTouch.of(getUI().orElseThrow().getSession()), openedAt, timeZone);
        SubmissionResult result;
        try {
            result = metrics.measure(request.kind(), request.getStack(), () -> intake.submit(request, visit));
        } catch (RuntimeException e) {
            log.error("Could not store a {} request", request.kind(), e);
            showFormError("Sorry, we could not save your request just now. Your answers are still here; "
                    + "please try again in a minute.");
            submit.setEnabled(true);
            return;
        }
        switch (result) {
            case SubmissionResult.Accepted accepted -> {
                // a consultation's thank-you page offers the call slots, through a link signed for this lead
                var parameters = new java.util.LinkedHashMap<String, String>();
                parameters.put("kind", kind.name());
                booking.bookingToken(accepted.reference())
                        .ifPresent(token -> parameters.put(ThankYouView.BOOKING_PARAMETER, token));
                getUI().ifPresent(ui ->
                        ui.navigate(ThankYouView.class, accepted.reference(), QueryParameters.simple(parameters)));
            }
            case SubmissionResult.Invalid invalid -> {
                invalid.fieldErrors().forEach(this::showFieldError);
                showFormError("Please correct the highlighted fields.");
                focusFirstInvalid();
                submit.setEnabled(true);
            }
            case SubmissionResult.RateLimited limited -> {
                showFormError(tryAgainLater(limited.retryAfter()));
                submit.setEnabled(true);
            }
        }
    }

    private void showFieldError(String property, String message) {
        binder.getBinding(property)
                .ifPresentOrElse(
                        binding -> {
                            if (binding.getField() instanceof HasValidation field) {
                                field.setErrorMessage(message);
                                field.setInvalid(true);
                            }
                        },
                        () -> showFormError(message));
    }

    private void focusFirstInvalid() {
        binder.getFields()
                .filter(f -> f instanceof HasValidation v && v.isInvalid())
                .findFirst()
                .ifPresent(f -> {
                    if (f instanceof Focusable<?> focusable) {
                        focusable.focus();
                    }
                });
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    /** What a visitor over the rate limit reads: how long to wait, in whole minutes (at least one). */
    static String tryAgainLater(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return "You have sent several requests in a short time. Please try again in " + Plurals.count(minutes, "minute")
                + "; nothing was lost, your answers are still here.";
    }

    private static @Nullable String clientAddress() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
