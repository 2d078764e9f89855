package com.stackdesk.lead;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A validated, normalized request to register a lead. Built by the intake module; {@code
 * spamReason} is set when the submission looked automated; {@code
 * assistant} when the visitor came through the stack assistant (see {@link #withAssistant}).
 */
public record NewLead(
        LeadKind kind,
        String firstName,
        String lastName,
        String email,
        @Nullable String phone,
        @Nullable String company,
        StackLeaning stack,
        @Nullable String message,
        @Nullable ContactMethod contactMethod,
        @Nullable Instant preferredContactAt,
        @Nullable String visitorTimeZone,
        @Nullable ProjectType projectType,
        @Nullable BudgetRange budget,
        @Nullable Timeline timeline,
        @Nullable TeamSize teamSize,
        LeadSource source,
        String consentVersion,
        @Nullable String clientIp,
        String fingerprint,
        @Nullable String spamReason,
        @Nullable AssistantSummary assistant) {

    /** The same lead, as it came through the stack assistant with this summary (null: it did not). */
    public NewLead withAssistant(@Nullable AssistantSummary assistant) {
        return new NewLead(
                kind,
                firstName,
                lastName,
                email,
                phone,
                company,
                stack,
                message,
                contactMethod,
                preferredContactAt,
                visitorTimeZone,
                projectType,
                budget,
                timeline,
                teamSize,
                source,
                consentVersion,
                clientIp,
                fingerprint,
                spamReason,
                assistant);
    }
}
