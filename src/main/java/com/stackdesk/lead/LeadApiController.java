package com.stackdesk.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/leads/{reference}}: one lead as JSON, for staff, with the same rights as the workspace. */
@RestController
@Tag(name = "Leads")
class LeadApiController {

    private final LeadWork work;
    private final AssigneeNames names;

    LeadApiController(LeadWork work, AssigneeNames names) {
        this.work = work;
        this.names = names;
    }

    /** The lead as the API shows it: every field a person works with, choices by their constant names. */
    record LeadJson(
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
            @Nullable String assigneeName,
            @Nullable Instant firstResponseAt,
            @Nullable String lostReason,
            @Nullable String routingReason,
            LeadSource source,
            String consentVersion,
            Instant consentAt,
            boolean suspectedSpam,
            long version) {}

    @Operation(
            summary = "One lead by its reference",
            description = "Sales reps may read their own and unassigned leads")
    @GetMapping("/api/leads/{reference}")
    LeadJson lead(@PathVariable String reference) {
        var l = work.open(reference);
        var assignee = l.getAssigneeId();
        return new LeadJson(
                l.getReference(),
                l.getKind(),
                l.getStatus(),
                l.getCreatedAt(),
                l.getFirstName(),
                l.getLastName(),
                l.getEmail(),
                l.getPhone(),
                l.getCompany(),
                l.getStack(),
                l.getContactMethod(),
                l.getPreferredContactAt(),
                l.getVisitorTimeZone(),
                l.getMessage(),
                l.getProjectType(),
                l.getBudget(),
                l.getTimeline(),
                l.getTeamSize(),
                assignee,
                assignee == null ? null : names.nameOf(assignee),
                l.getFirstResponseAt(),
                l.getLostReason(),
                l.getRoutingReason(),
                l.getSource(),
                l.getConsentVersion(),
                l.getConsentAt(),
                l.isSuspectedSpam(),
                l.getVersion());
    }

    @ExceptionHandler(LeadNotFound.class)
    ResponseEntity<Map<String, String>> notFound(LeadNotFound e) {
        return ResponseEntity.status(404).body(Map.of("message", e.getMessage()));
    }
}
