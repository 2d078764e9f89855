package com.stackdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A lead as another system posts it to {@code POST /api/leads}, as JSON or as a classic HTML form.
 * Choices take the constant's name or its label in any case ({@code "GO"}, {@code "Go"}, {@code
 * "node.js"}).
 */
@Schema(description = "A consultation or development-plan request from the consultancy's own website")
public record LeadSubmission(
        @Schema(description = "CONSULTATION or DEVELOPMENT_PLAN", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        String kind,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        String firstName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        String lastName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        String email,

        @Schema(description = "Consultation only, optional") @Nullable
        String phone,

        @Schema(description = "Optional for a consultation, required for a development plan") @Nullable
        String company,

        @Schema(
                description = "NODE_JS, PYTHON, GO, JAVA, PHP, RUBY, OTHER or NOT_SURE",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String stack,

        @Schema(description = "Consultation: EMAIL, PHONE or VIDEO_CALL") @Nullable
        String contactMethod,

        @Schema(
                description = "Consultation, optional: local date-time, e.g. 2026-12-03T14:30",
                example = "2026-12-03T14:30")
        @Nullable
        String preferredTime,

        @Schema(description = "IANA time zone of preferredTime, e.g. Europe/Berlin") @Nullable
        String timeZone,

        @Schema(description = "Consultation: what to discuss; development plan: what to build") @Nullable
        String message,

        @Schema(
                description =
                        "Development plan: NEW_PRODUCT, WEB_APPLICATION, API_BACKEND, MOBILE_BACKEND, INTEGRATION, MODERNIZATION, OTHER")
        @Nullable
        String projectType,

        @Schema(description = "Development plan: UNDER_10K, FROM_10K_TO_50K, FROM_50K_TO_150K, OVER_150K, UNDECIDED")
        @Nullable
        String budget,

        @Schema(description = "Development plan: ASAP, WITHIN_3_MONTHS, WITHIN_6_MONTHS, LATER, FLEXIBLE") @Nullable
        String timeline,

        @Schema(description = "Development plan: SOLO, FROM_2_TO_10, FROM_11_TO_50, FROM_51_TO_200, OVER_200") @Nullable
        String teamSize,

        @Schema(
                description = "The visitor agreed to be contacted (true, on or yes)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String consent,

        @Schema(description = "Honeypot: hide it from people and leave it empty") @Nullable
        String website,

        @Schema(description = "When the form was shown, epoch milliseconds; enables the minimum fill time check")
        @Nullable
        Long startedAt,

        @Nullable String utmSource,
        @Nullable String utmMedium,
        @Nullable String utmCampaign,
        @Nullable String utmTerm,
        @Nullable String utmContent,

        @Schema(description = "document.referrer of the visitor's first page") @Nullable
        String referrer,

        @Schema(description = "Path and query of the visitor's first page") @Nullable
        String landingPage,

        @Schema(
                description = "The form it came from, for the form analytics: book, plan, consultation,"
                        + " development-plan or assistant; by default consultation or development-plan by kind")
        @Nullable
        String form,

        @Schema(description = "The stack assistant's answers, when the request comes from the assistant") @Nullable
        AssistantAnswers assistant) {}
