package com.stackdesk.intake;

import com.stackdesk.base.LeadLogContext;
import com.stackdesk.lead.LeadKind;
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
import org.springframework.http.InvalidMediaTypeException;
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

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final IntakeService intake;
    private final IntakeMetrics metrics;
    private final EmbedPages pages;

    IntakeApiController(IntakeService intake, IntakeMetrics metrics, EmbedPages pages) {
        this.intake = intake;
        this.metrics = metrics;
        this.pages = pages;
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
            description = "The same fields as the JSON body, form-encoded. Answered in JSON as above, unless"
                    + " the request accepts text/html (a browser posting a form without JavaScript): then"
                    + " 303 to a thank-you page, or the form again with the answers and a message per field"
                    + " (400), or with a try-again message (429)")
    @PostMapping(path = "/api/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> submitForm(@ModelAttribute LeadSubmission submission, HttpServletRequest http) {
        if (!acceptsHtml(http)) {
            return answer(submission, http);
        }
        var referer = http.getHeader(HttpHeaders.REFERER);
        var result = metrics.measure(submission, () -> intake.submit(submission, http.getRemoteAddr(), referer));
        logAnswer(result);
        var kind = LeadKind.DEVELOPMENT_PLAN.name().equals(submission.kind())
                ? LeadKind.DEVELOPMENT_PLAN
                : LeadKind.CONSULTATION;
        return switch (result) {
            case SubmissionResult.Accepted accepted ->
                ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create("/embed/thank-you/" + accepted.reference() + "?kind=" + kind.name()))
                        .build();
            case SubmissionResult.Invalid invalid ->
                ResponseEntity.badRequest()
                        .contentType(HTML)
                        .body(pages.formPage(
                                kind,
                                EmbedPages.values(submission, referer),
                                invalid.fieldErrors(),
                                "Please correct the highlighted fields."));
            case SubmissionResult.RateLimited limited ->
                ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(
                                HttpHeaders.RETRY_AFTER,
                                String.valueOf(limited.retryAfter().toSeconds()))
                        .contentType(HTML)
                        .body(pages.formPage(
                                kind,
                                EmbedPages.values(submission, referer),
                                Map.of(),
                                "You have sent several requests in a short time. Please try again in "
                                        + Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60)
                                        + " minutes; nothing was lost, your answers are still here."));
        };
    }

    /** A browser's own form post names text/html; scripts and curl ask for JSON or anything. */
    private static boolean acceptsHtml(HttpServletRequest http) {
        var accept = http.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
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
