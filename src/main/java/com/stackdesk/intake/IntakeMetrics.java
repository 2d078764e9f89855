package com.stackdesk.intake;

import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadSubmitted;
import com.stackdesk.lead.StackLeaning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts and times the submissions that come in through every channel (the Vaadin forms, the HTTP
 * API): each caller of {@link IntakeService} hands its call to {@link #measure}. Kept apart from
 * the service, so what is measured does not change with how the service works.
 *
 * <ul>
 *   <li>{@code stackdesk.leads.submitted} (counter) with tags {@code kind} (consultation,
 *       development_plan, unknown), {@code stack} (the stack leaning, or unknown) and {@code outcome}:
 *       accepted, repeated (a double submit answered with the first lead), spam (stored as suspected
 *       spam, answered as accepted), invalid, rate_limited, or error (an exception)
 *   <li>{@code stackdesk.leads.submission} (timer) with tags {@code kind} and {@code outcome}
 * </ul>
 *
 * <p>Whether an accepted lead was suspected spam is only known inside the service: the lead module
 * announces it with {@link LeadSubmitted}, synchronously, on the submitting thread, which is where
 * {@link #measure} waits for it.
 */
@Component
public class IntakeMetrics {

    private static final ThreadLocal<@Nullable Measuring> CURRENT = new ThreadLocal<>();

    /** Histogram buckets for the latency: enough for quantiles near what a visitor notices. */
    private static final Duration[] SLOS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One submission under way: set to spam when the lead it stored is suspected spam. */
    private static final class Measuring {
        boolean spam;
    }

    /**
     * Runs a submission and records it.
     *
     * @param kind what was asked for, null when the request did not say (or said something unknown)
     * @param stack the stack leaning, null when missing or unknown
     */
    public SubmissionResult measure(
            @Nullable LeadKind kind, @Nullable StackLeaning stack, Supplier<SubmissionResult> submission) {
        var measuring = new Measuring();
        var outer = CURRENT.get();
        CURRENT.set(measuring);
        long start = System.nanoTime();
        String outcome = "error";
        try {
            var result = submission.get();
            outcome = outcome(result, measuring.spam);
            return result;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            record(tag(kind), tag(stack), outcome, System.nanoTime() - start);
        }
    }

    /** The API's variant: kind and stack as the caller typed them, read the way the intake reads them. */
    SubmissionResult measure(LeadSubmission submission, Supplier<SubmissionResult> call) {
        return measure(
                submission.kind() == null
                        ? null
                        : Choices.parse(LeadKind.class, LeadKind::label, submission.kind())
                                .orElse(null),
                submission.stack() == null
                        ? null
                        : Choices.parse(StackLeaning.class, StackLeaning::label, submission.stack())
                                .orElse(null),
                call);
    }

    @EventListener
    void on(LeadSubmitted submitted) {
        var measuring = CURRENT.get();
        if (measuring != null && submitted.suspectedSpam()) {
            measuring.spam = true;
        }
    }

    static String outcome(SubmissionResult result, boolean spam) {
        return switch (result) {
            case SubmissionResult.Accepted accepted when accepted.repeated() -> "repeated";
            case SubmissionResult.Accepted accepted -> spam ? "spam" : "accepted";
            case SubmissionResult.Invalid invalid -> "invalid";
            case SubmissionResult.RateLimited limited -> "rate_limited";
        };
    }

    private void record(String kind, String stack, String outcome, long nanos) {
        Counter.builder("stackdesk.leads.submitted")
                .description("Lead submissions by kind, stack and outcome")
                .tag("kind", kind)
                .tag("stack", stack)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("stackdesk.leads.submission")
                .description("How long a submission took to answer")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .serviceLevelObjectives(SLOS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String tag(@Nullable Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT);
    }
}
