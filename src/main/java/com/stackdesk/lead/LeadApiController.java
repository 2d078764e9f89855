package com.stackdesk.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
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

    /** The lead as the API shows it: every stored field (choices by their constant names) and the owner's name. */
    record LeadJson(
            @JsonUnwrapped LeadExportRow lead, @Nullable String assigneeName, long version) {}

    @Operation(
            summary = "One lead by its reference",
            description = "Sales reps may read their own and unassigned leads")
    @GetMapping("/api/leads/{reference}")
    LeadJson lead(@PathVariable String reference) {
        var lead = work.open(reference);
        var assignee = lead.getAssigneeId();
        return new LeadJson(lead.toExportRow(), assignee == null ? null : names.nameOf(assignee), lead.getVersion());
    }

    @ExceptionHandler(LeadNotFound.class)
    ResponseEntity<Map<String, String>> notFound(LeadNotFound e) {
        return ResponseEntity.status(404)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }
}
