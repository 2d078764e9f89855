package com.stackdesk.lead;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Every stored field of one lead, as an export writes it.
 *
 * @param lostReasonLabel the lost reason's label from the list ({@link LostReasons}), "Other" for a rep's own words
 */
public record LeadExportRow(
        String reference,
        LeadKind kind,
        LeadStatus status,
        Instant createdAt,
        String firstName,
        String lastName,
        String email,
        @Nullable String phone,
        @Nullable String company,
        StackLeaning stack,
        @Nullable ContactMethod contactMethod,
        @Nullable Instant preferredContactAt,
        @Nullable String visitorTimeZone,
        @Nullable String message,
        @Nullable ProjectType projectType,
        @Nullable BudgetRange budget,
        @Nullable Timeline timeline,
        @Nullable TeamSize teamSize,
        @Nullable Long assigneeId,
        @Nullable Instant firstResponseAt,
        @Nullable String lostReason,
        @Nullable String routingReason,
        LeadSource source,
        String consentVersion,
        Instant consentAt,
        @Nullable String clientIp,
        boolean suspectedSpam,
        @Nullable String spamReason,
        @Nullable AssistantSummary assistant,
        @Nullable String lostReasonLabel) {}
