package com.stackdesk.assistant;

import com.stackdesk.base.ClientThrottle;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.StackLeaning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stack assistant's public JSON API, which {@code /embed/assistant.js} talks to: the questions,
 * a recommendation from the advisor rules, an estimate from the rate card. Nothing is stored (a
 * request for a call goes to {@code POST /api/leads}). Open to anonymous callers, under the
 * per-address allowance of {@link ClientThrottle}.
 */
@RestController
@Tag(name = "Stack assistant")
class AssistantApiController {

    private final StackAssistant assistant;
    private final IntakeProperties intake;
    private final ClientThrottle throttle;

    AssistantApiController(StackAssistant assistant, IntakeProperties intake, ClientThrottle throttle) {
        this.assistant = assistant;
        this.intake = intake;
        this.throttle = throttle;
    }

    /** Answers by question id: a list of option ids for the stack questions, one option id for the quote's. */
    record RecommendationRequest(@Nullable Map<String, List<String>> answers) {}

    record QuoteRequest(@Nullable Map<String, String> answers) {}

    record Choice(String value, String label) {}

    @Operation(
            summary = "The assistant's questions",
            description = "The stack questions (explore), the quote questions, and the consultation form's choices")
    @GetMapping(path = "/api/assistant/questions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> questions(HttpServletRequest http) {
        return throttled(http, () -> {
            var body = new LinkedHashMap<>(assistant.questions());
            body.put(
                    "leanings",
                    Arrays.stream(StackLeaning.values())
                            .map(l -> new Choice(l.name(), l.label()))
                            .toList());
            body.put(
                    "contactMethods",
                    Arrays.stream(ContactMethod.values())
                            .map(c -> new Choice(c.name(), c.label()))
                            .toList());
            body.put("consentText", intake.consentText());
            body.put("responsePromise", intake.responsePromise());
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
        });
    }

    @Operation(
            summary = "Recommend a backend stack",
            description = "The recommended stack and the runner-up, each with its reasons; 400 naming unusable answers")
    @PostMapping(
            path = "/api/assistant/recommendation",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> recommend(@RequestBody RecommendationRequest request, HttpServletRequest http) {
        return throttled(
                http,
                () -> answer(() -> {
                    var recommendation = assistant.recommend(Objects.requireNonNullElse(request.answers(), Map.of()));
                    var body = new LinkedHashMap<String, Object>();
                    body.put("recommended", pick(recommendation.recommended()));
                    body.put("runnerUp", pick(recommendation.runnerUp()));
                    body.put("summary", recommendation.summary());
                    return body;
                }));
    }

    @Operation(
            summary = "Estimate a project",
            description = "A price range and a duration range from the rate card, with its assumptions; an estimate,"
                    + " not an offer; 400 naming unusable answers")
    @PostMapping(
            path = "/api/assistant/quote",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> quote(@RequestBody QuoteRequest request, HttpServletRequest http) {
        return throttled(
                http,
                () -> answer(() -> {
                    var estimate = assistant.quote(Objects.requireNonNullElse(request.answers(), Map.of()));
                    var body = new LinkedHashMap<String, Object>();
                    body.put("priceLow", estimate.priceLow());
                    body.put("priceHigh", estimate.priceHigh());
                    body.put("currency", estimate.currency());
                    body.put("monthsLow", estimate.monthsLow());
                    body.put("monthsHigh", estimate.monthsHigh());
                    body.put("price", estimate.price());
                    body.put("duration", estimate.duration());
                    body.put("summary", estimate.summary());
                    body.put("assumptions", estimate.assumptions());
                    return body;
                }));
    }

    private static Map<String, Object> pick(AdvisorRules.Pick pick) {
        var body = new LinkedHashMap<String, Object>();
        body.put("stack", pick.stack().id());
        body.put("label", pick.stack().label());
        body.put("leaning", pick.stack().leaning().name());
        body.put("points", pick.points());
        body.put("reasons", pick.reasons());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> answer(Supplier<Map<String, Object>> body) {
        try {
            return ResponseEntity.ok(body.get());
        } catch (StackAssistant.InvalidAnswers e) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "message",
                            "Please answer the questions listed in errors",
                            "errors",
                            e.errors().entrySet().stream()
                                    .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                                    .toList()));
        }
    }

    private ResponseEntity<Map<String, Object>> throttled(
            HttpServletRequest http, Supplier<ResponseEntity<Map<String, Object>>> call) {
        Optional<java.time.Duration> wait = throttle.take(Objects.requireNonNullElse(http.getRemoteAddr(), "unknown"));
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()))
                    .body(Map.of("message", "Too many requests from this address; try again later"));
        }
        return call.get();
    }
}
