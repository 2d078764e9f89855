package com.stackdesk.intake;

import com.stackdesk.intake.FormField.Choice;
import com.stackdesk.intake.FormField.Input;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The fields of the two public forms, in the order a visitor meets them, each with the rules and
 * messages of the request's constraints (read from Bean Validation's metadata, not copied). The
 * embeddable forms, their script and the API description are built from this; the server
 * validates with the constraints themselves.
 */
@Component
public class IntakeFields {

    private final Map<LeadKind, List<FormField>> fields = new EnumMap<>(LeadKind.class);
    private final IntakeProperties properties;

    IntakeFields(Validator validator, IntakeProperties properties) {
        this.properties = properties;
        var consultation = new Builder(validator, ConsultationRequest.class);
        consultation.contact();
        consultation.text("phone", "phone", "Phone (optional)", Input.TEL, "tel", null);
        consultation.text("company", "company", "Company (optional)", Input.TEXT, "organization", null);
        consultation.choice(
                "stack",
                "Which backend stack do you lean toward?",
                Input.RADIO,
                StackLeaning.class,
                StackLeaning::label,
                null);
        consultation.choice(
                "contactMethod",
                "How should we contact you?",
                Input.RADIO,
                ContactMethod.class,
                ContactMethod::label,
                ContactMethod.VIDEO_CALL.name());
        consultation.text(
                "preferredTime",
                "preferredTime",
                "Preferred time (optional, your local time)",
                Input.DATETIME,
                null,
                "Leave empty and we propose a time");
        consultation.text("message", "message", "What would you like to discuss?", Input.TEXTAREA, null, null);
        consultation.consent(properties);
        fields.put(LeadKind.CONSULTATION, consultation.done());

        var plan = new Builder(validator, DevelopmentPlanRequest.class);
        plan.contact();
        plan.text("company", "company", "Company", Input.TEXT, "organization", null);
        plan.choice(
                "stack",
                "Which backend stack do you lean toward?",
                Input.RADIO,
                StackLeaning.class,
                StackLeaning::label,
                null);
        plan.choice("projectType", "Project type", Input.SELECT, ProjectType.class, ProjectType::label, null);
        plan.choice("budget", "Budget range", Input.SELECT, BudgetRange.class, BudgetRange::label, null);
        plan.choice("timeline", "Timeline", Input.SELECT, Timeline.class, Timeline::label, null);
        plan.choice("teamSize", "Your team size", Input.SELECT, TeamSize.class, TeamSize::label, null);
        // the API calls a plan's description "message", like a consultation's
        plan.text("message", "description", "What do you want built?", Input.TEXTAREA, null, null);
        plan.consent(properties);
        fields.put(LeadKind.DEVELOPMENT_PLAN, plan.done());
    }

    /** The fields of one form, in order. */
    public List<FormField> of(LeadKind kind) {
        return fields.get(kind);
    }

    /** The privacy policy the consent text links to, or empty. */
    public String privacyPolicyUrl() {
        return properties.privacyPolicyUrl();
    }

    /** The heading, introduction and submit button of each form, as on the Vaadin pages. */
    public String title(LeadKind kind) {
        return switch (kind) {
            case CONSULTATION -> "Book a Consultation";
            case DEVELOPMENT_PLAN -> "Get a Custom Development Plan";
        };
    }

    public String intro(LeadKind kind) {
        return switch (kind) {
            case CONSULTATION ->
                "A free 30-minute call with an engineer who knows your stack. Tell us a little about "
                        + "yourself and we confirm a time " + properties.responsePromise() + ".";
            case DEVELOPMENT_PLAN ->
                "Describe your project and we send you a plan with scope, milestones, team and budget. "
                        + "A specialist in your stack reviews it " + properties.responsePromise() + ".";
        };
    }

    public String submitLabel(LeadKind kind) {
        return switch (kind) {
            case CONSULTATION -> "Book my consultation";
            case DEVELOPMENT_PLAN -> "Request my plan";
        };
    }

    /** What happens after a request of this kind is in, step by step, as the thank-you pages say it. */
    public List<String> nextSteps(LeadKind kind) {
        return nextSteps(kind, false);
    }

    /** What happens after a submission, when the visitor can still book the call on the page or not. */
    public List<String> nextSteps(LeadKind kind, boolean callToBook) {
        return switch (kind) {
            case CONSULTATION ->
                List.of(
                        "We have emailed you a confirmation with this reference.",
                        "A specialist in the stack you chose reads your request.",
                        callToBook
                                ? "Pick a time for your call above, or they contact you " + properties.responsePromise()
                                        + " the way you asked."
                                : "They contact you " + properties.responsePromise() + " the way you asked.");
            case DEVELOPMENT_PLAN ->
                List.of(
                        "We have emailed you a confirmation with this reference.",
                        "A specialist in the stack you chose reviews your project.",
                        "They get back to you " + properties.responsePromise()
                                + " with your plan, or with the questions it still needs answered.");
        };
    }

    /**
     * The rules a browser checks as the visitor types, per form and field: {@code required}, {@code
     * max} with {@code maxMessage}, {@code pattern} with {@code patternMessage}, {@code email} (the
     * message, with the patterns in {@link #emailPatterns()}), and for a preferred time {@code
     * future}, {@code withinDays} and {@code withinMessage}, as {@link IntakeService} checks it.
     */
    public Map<String, Map<String, Map<String, Object>>> browserRules() {
        var all = new LinkedHashMap<String, Map<String, Map<String, Object>>>();
        fields.forEach((kind, list) -> {
            var perField = new LinkedHashMap<String, Map<String, Object>>();
            for (var field : list) {
                var rules = new LinkedHashMap<String, Object>();
                if (field.requiredMessage() != null) {
                    rules.put("required", field.requiredMessage());
                }
                if (field.maxLength() != null) {
                    rules.put("max", field.maxLength());
                    rules.put("maxMessage", field.maxLengthMessage());
                }
                if (field.pattern() != null) {
                    rules.put("pattern", field.pattern());
                    rules.put("patternMessage", field.patternMessage());
                }
                if (field.emailMessage() != null) {
                    rules.put("email", field.emailMessage());
                }
                if (field.input() == Input.DATETIME) {
                    rules.put("future", IntakeService.PREFERRED_TIME_PAST);
                    rules.put("withinDays", IntakeService.PREFERRED_TIME_MAX_DAYS);
                    rules.put("withinMessage", IntakeService.PREFERRED_TIME_TOO_FAR);
                }
                perField.put(field.name(), rules);
            }
            all.put(kind.name(), perField);
        });
        return all;
    }

    /** The parts of an email address the server accepts, as regular expressions for a browser. */
    public Map<String, String> emailPatterns() {
        return Map.of(
                "local", EmailAddress.Validator.LOCAL_PART,
                "label", EmailAddress.Validator.DOMAIN_LABEL,
                "tld", EmailAddress.Validator.TOP_LEVEL);
    }

    /** Collects one form's fields with the constraints of its request class. */
    private static final class Builder {

        private final Validator validator;
        private final Class<? extends LeadRequest> type;
        private final List<FormField> fields = new ArrayList<>();

        Builder(Validator validator, Class<? extends LeadRequest> type) {
            this.validator = validator;
            this.type = type;
        }

        void contact() {
            text("firstName", "firstName", "First name", Input.TEXT, "given-name", null);
            text("lastName", "lastName", "Last name", Input.TEXT, "family-name", null);
            text("email", "email", "Email", Input.EMAIL, "email", "We send your confirmation here");
        }

        void text(
                String name,
                String property,
                String label,
                Input input,
                @Nullable String autocomplete,
                @Nullable String help) {
            add(name, property, label, input, List.of(), autocomplete, help, null);
        }

        <E extends Enum<E>> void choice(
                String name,
                String label,
                Input input,
                Class<E> type,
                Function<E, String> labels,
                @Nullable String defaultValue) {
            var choices = Arrays.stream(type.getEnumConstants())
                    .map(c -> new Choice(c.name(), labels.apply(c)))
                    .toList();
            add(name, name, label, input, choices, null, null, defaultValue);
        }

        void consent(IntakeProperties properties) {
            add("consent", "consent", properties.consentText(), Input.CHECKBOX, List.of(), null, null, null);
        }

        private void add(
                String name,
                String property,
                String label,
                Input input,
                List<Choice> choices,
                @Nullable String autocomplete,
                @Nullable String help,
                @Nullable String defaultValue) {
            String required = null;
            Integer max = null;
            String maxMessage = null;
            String pattern = null;
            String patternMessage = null;
            String email = null;
            var property_ = validator.getConstraintsForClass(type).getConstraintsForProperty(property);
            if (property_ != null) {
                for (var constraint : property_.getConstraintDescriptors()) {
                    var annotation = constraint.getAnnotation();
                    var message = constraint.getMessageTemplate();
                    switch (annotation) {
                        case NotBlank ignored -> required = message;
                        case NotNull ignored -> required = message;
                        case AssertTrue ignored -> required = message;
                        case Size size -> {
                            max = size.max();
                            maxMessage = message;
                        }
                        case Pattern p -> {
                            pattern = p.regexp();
                            patternMessage = message;
                        }
                        case EmailAddress ignored -> email = message;
                        default ->
                            throw new IllegalStateException(
                                    "The browser cannot check " + annotation + " on " + type.getSimpleName() + "."
                                            + property + ": teach IntakeFields and the embed script");
                    }
                }
            }
            fields.add(new FormField(
                    name,
                    label,
                    input,
                    required,
                    max,
                    maxMessage,
                    pattern,
                    patternMessage,
                    email,
                    choices,
                    autocomplete,
                    help,
                    defaultValue));
        }

        List<FormField> done() {
            return List.copyOf(fields);
        }
    }
}
