package com.stackdesk.export;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.LeadFilterParameters;
import com.stackdesk.staff.StaffLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/leads/export.csv}: the grid's CSV export for scripts, over HTTP Basic or a
 * personal API token, with the same filters and the same authorization as the grid.
 */
@RestController
@Tag(name = "Export")
class ExportApiController {

    private final LeadCsvExport export;
    private final StaffLookup staff;
    private final CurrentUser currentUser;

    ExportApiController(LeadCsvExport export, StaffLookup staff, CurrentUser currentUser) {
        this.export = export;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @Operation(
            summary = "Export leads as CSV",
            description =
                    "Filters as in the Leads grid's URL: status, kind, stack, assignee (me, none, a username or id),"
                            + " from and to (dates, inclusive), source, q (words of name, company or email, a reference, phone digits), spam=1; call=booked; due=due or overdue;"
                            + " lostReason=a lost reason's label (with status=lost);"
                            + " sort=created_at or -created_at; bom=false leaves out the byte-order mark.")
    @GetMapping(path = "/api/leads/export.csv", produces = "text/csv")
    void exportCsv(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "bom", required = false) Boolean bom,
            HttpServletResponse response)
            throws IOException {
        var parsed = LeadFilterParameters.parse(params, currentUser.require().staffId(), staff::idOf);
        if (parsed.hasProblems()) {
            throw new InvalidFilter(parsed.describeProblems());
        }
        var filter = parsed.parameters().filter();
        var orders = parsed.parameters().sort();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(export.fileName())
                        .build()
                        .toString());
        export.write(
                filter, orders, response.getOutputStream(), bom == null ? export.byteOrderMarkByDefault() : bom, "api");
    }

    @ExceptionHandler(ExportsBusy.class)
    ResponseEntity<Map<String, String>> busy(ExportsBusy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "60")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }

    /** A filter parameter the caller got wrong, with the message to answer. */
    static final class InvalidFilter extends RuntimeException {
        InvalidFilter(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(InvalidFilter.class)
    ResponseEntity<Map<String, String>> invalidFilter(InvalidFilter e) {
        // JSON whatever the caller accepts: a script asking for text/csv must still read why
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }
}
