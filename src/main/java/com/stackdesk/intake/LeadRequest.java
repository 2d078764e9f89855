package com.stackdesk.intake;

import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.StackLeaning;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a visitor fills in, as typed: the fields both forms share. The constraints are the one
 * definition of what is valid, used by the forms as the visitor types and by {@link IntakeService}
 * before anything is stored.
 */
public abstract class LeadRequest {

    @NotBlank(message = "Enter your first name")
    @Size(max = LeadLimits.NAME, message = "Keep it under " + LeadLimits.NAME + " characters")
    private @Nullable String firstName;

    @NotBlank(message = "Enter your last name")
    @Size(max = LeadLimits.NAME, message = "Keep it under " + LeadLimits.NAME + " characters")
    private @Nullable String lastName;

    @NotBlank(message = "Enter your email address")
    @Size(max = LeadLimits.EMAIL, message = "Keep it under " + LeadLimits.EMAIL + " characters")
    @EmailAddress
    private @Nullable String email;

    @NotNull(message = "Choose the stack you lean toward, or \"Not sure yet\"")
    private @Nullable StackLeaning stack;

    @AssertTrue(message = "We need your consent to contact you about this request")
    private boolean consent;

    /** The honeypot: hidden from people, filled in by bots. */
    private @Nullable String website;

    /** Which form it came from, by its analytics id ({@code TrackedForm}); null for the kind's default. */
    private @Nullable String formName;

    /** The stack assistant's answers, when the visitor came through it. */
    private @Nullable AssistantAnswers assistant;

    public abstract LeadKind kind();

    public @Nullable String getFirstName() {
        return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
        this.firstName = firstName;
    }

    public @Nullable String getLastName() {
        return lastName;
    }

    public void setLastName(@Nullable String lastName) {
        this.lastName = lastName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable StackLeaning getStack() {
        return stack;
    }

    public void setStack(@Nullable StackLeaning stack) {
        this.stack = stack;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public @Nullable String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = website;
    }

    public @Nullable String getFormName() {
        return formName;
    }

    public void setFormName(@Nullable String formName) {
        this.formName = formName;
    }

    public @Nullable AssistantAnswers getAssistant() {
        return assistant;
    }

    public void setAssistant(@Nullable AssistantAnswers assistant) {
        this.assistant = assistant;
    }
}
