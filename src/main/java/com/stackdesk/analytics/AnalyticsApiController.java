package com.stackdesk.analytics;

import com.stackdesk.base.ClientThrottle;
import com.stackdesk.lead.LeadSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/analytics/{form}/{event}}: the beacon a form or the stack assistant sends when
 * it is shown ({@code view}) and when the visitor first touches it ({@code start}), e.g. with
 * {@code navigator.sendBeacon}. The source comes from the query ({@code utm_source}, {@code
 * referrer}) and is reduced to its label; nothing else is read or kept. Open to anonymous callers,
 * under the per-address allowance of {@link ClientThrottle}.
 */
@RestController
@Tag(name = "Analytics")
class AnalyticsApiController {

    private final FormAnalytics analytics;
    private final ClientThrottle throttle;

    AnalyticsApiController(FormAnalytics analytics, ClientThrottle throttle) {
        this.analytics = analytics;
        this.throttle = throttle;
    }

    @Operation(
            summary = "Count a view or start of a form",
            description = "204 when counted; 404 for an unknown form or event; 429 over the allowance."
                    + " Forms: book, plan, consultation, development-plan, assistant. Events: view, start.")
    @PostMapping("/api/analytics/{form}/{event}")
    ResponseEntity<?> count(
            @PathVariable String form,
            @PathVariable String event,
            @RequestParam(name = "utm_source", required = false) @Nullable String utmSource,
            @RequestParam(required = false) @Nullable String referrer,
            HttpServletRequest http) {
        var tracked = TrackedForm.byId(form).orElse(null);
        var what = FormEvent.reportedByBrowser(event).orElse(null);
        if (tracked == null || what == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of(
                            "message",
                            "Unknown form or event: forms are " + TrackedForm.ids() + ", events view and start"));
        }
        var wait = throttle.take(Objects.requireNonNullElse(http.getRemoteAddr(), "unknown"));
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()))
                    .body(Map.of("message", "Too many requests from this address; try again later"));
        }
        analytics.count(
                tracked,
                what,
                new LeadSource(blankToNull(utmSource), null, null, null, null, blankToNull(referrer), null));
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
