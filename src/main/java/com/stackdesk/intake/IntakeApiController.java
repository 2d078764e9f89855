package com.stackdesk.intake;

import com.stackdesk.base.LeadLogContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/leads}: the intake for a form on the consultancy's own website, as JSON or a
 * classic form post. The same validation, spam checks, rate limit, routing and emails as the
 * Vaadin forms, through the one {@link IntakeService}. Open to anonymous callers; CORS limits which
 * sites' pages may call it from a browser.
 */
@RestController
@Tag(name = "Intake")
class IntakeApiController {

    private static final Logger log = LoggerFactory.getLogger(IntakeApiController.class);

    private final IntakeService intake;
    private final IntakeMetrics metrics;

    IntakeApiController(IntakeService intake, IntakeMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @Operation(
            summary = "Submit a lead (JSON)",
            description = "201 with the reference, 400 with a message per field, 429 over the rate limit")
    @PostMapping(
            path = "/api/leads",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submitJson(@RequestBody LeadSubmission submission, HttpServletRequest http) {
        return answer(submission, http);
    }

    @Operation(
            summary = "Submit a lead (HTML form post)",
            description = "The same fields as the JSON body, form-encoded")
    @PostMapping(
            path = "/api/leads",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submitForm(@ModelAttribute LeadSubmission submission, HttpServletRequest http) {
        return answer(submission, http);
    }

    private ResponseEntity<Map<String, Object>> answer(LeadSubmission submission, HttpServletRequest http) {
        var result = metrics.measure(
                submission, () -> intake.submit(submission, http.getRemoteAddr(), http.getHeader(HttpHeaders.REFERER)));
        logAnswer(result);
        return switch (result) {
            case SubmissionResult.Accepted accepted ->
                ResponseEntity.created(URI.create("/api/leads/" + accepted.reference()))
                        .body(Map.of("reference", accepted.reference(), "status", "received"));
            case SubmissionResult.Invalid invalid ->
                ResponseEntity.badRequest()
                        .body(Map.of(
                                "message",
                                "Please correct the fields listed in errors",
                                "errors",
                                invalid.fieldErrors().entrySet().stream()
                                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                                        .toList()));
            case SubmissionResult.RateLimited limited ->
                ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(
                                HttpHeaders.RETRY_AFTER,
                                String.valueOf(limited.retryAfter().toSeconds()))
                        .body(Map.of(
                                "message", "Too many submissions from this address; try again later",
                                "retryAfterSeconds", limited.retryAfter().toSeconds(),
                                "errors", List.of()));
        };
    }

    /** One line per answer; the lead by its reference only, a refusal by the names of the fields at fault. */
    private static void logAnswer(SubmissionResult result) {
        switch (result) {
            case SubmissionResult.Accepted accepted -> {
                try (var ignored = LeadLogContext.about(accepted.reference())) {
                    log.info(
                            accepted.repeated()
                                    ? "API: repeated submission answered with the lead it stored before"
                                    : "API: lead accepted");
                }
            }
            case SubmissionResult.Invalid invalid ->
                log.debug(
                        "API: submission refused, invalid fields {}",
                        invalid.fieldErrors().keySet());
            case SubmissionResult.RateLimited limited ->
                log.debug("API: submission refused over the rate limit, retry after {}", limited.retryAfter());
        }
    }
}
