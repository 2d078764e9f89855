package com.stackdesk.intake;

import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns a {@link LeadSubmission} from the HTTP API into the request the forms build, noting values it cannot read. */
final class LeadSubmissions {

    private static final Set<String> YES = Set.of("true", "on", "yes", "1");

    private LeadSubmissions() {}

    /** The request, or null when the kind itself is missing or unknown (then {@code errors} says so). */
    static @Nullable LeadRequest toRequest(LeadSubmission s, Map<String, String> errors) {
        var kind = s.kind() == null
                ? null
                : Choices.parse(LeadKind.class, LeadKind::label, s.kind()).orElse(null);
        if (kind == null) {
            errors.put("kind", "Say CONSULTATION or DEVELOPMENT_PLAN");
            return null;
        }
        LeadRequest request =
                switch (kind) {
                    case CONSULTATION -> {
                        var c = new ConsultationRequest();
                        c.setPhone(s.phone());
                        c.setCompany(s.company());
                        c.setMessage(s.message());
                        choice(
                                ContactMethod.class,
                                ContactMethod::label,
                                "contactMethod",
                                s.contactMethod(),
                                c::setContactMethod,
                                errors);
                        if (s.preferredTime() != null && !s.preferredTime().isBlank()) {
                            try {
                                c.setPreferredTime(
                                        LocalDateTime.parse(s.preferredTime().strip()));
                            } catch (DateTimeParseException e) {
                                errors.put("preferredTime", "Give a local date and time like 2026-12-03T14:30");
                            }
                        }
                        yield c;
                    }
                    case DEVELOPMENT_PLAN -> {
                        var p = new DevelopmentPlanRequest();
                        p.setCompany(s.company());
                        p.setDescription(s.message());
                        choice(
                                ProjectType.class,
                                ProjectType::label,
                                "projectType",
                                s.projectType(),
                                p::setProjectType,
                                errors);
                        choice(BudgetRange.class, BudgetRange::label, "budget", s.budget(), p::setBudget, errors);
                        choice(Timeline.class, Timeline::label, "timeline", s.timeline(), p::setTimeline, errors);
                        choice(TeamSize.class, TeamSize::label, "teamSize", s.teamSize(), p::setTeamSize, errors);
                        yield p;
                    }
                };
        request.setFirstName(s.firstName());
        request.setLastName(s.lastName());
        request.setEmail(s.email());
        request.setWebsite(s.website());
        request.setFormName(s.form());
        request.setAssistant(s.assistant());
        request.setConsent(
                s.consent() != null && YES.contains(s.consent().strip().toLowerCase(Locale.ROOT)));
        choice(StackLeaning.class, StackLeaning::label, "stack", s.stack(), request::setStack, errors);
        return request;
    }

    static Visit toVisit(LeadSubmission s, @Nullable String clientIp, @Nullable String refererHeader) {
        var source = new LeadSource(
                s.utmSource(),
                s.utmMedium(),
                s.utmCampaign(),
                s.utmTerm(),
                s.utmContent(),
                s.referrer() != null ? s.referrer() : refererHeader,
                s.landingPage());
        // Without startedAt there is no fill time to judge: the honeypot and rate limit still apply.
        var openedAt = s.startedAt() == null ? Instant.EPOCH : Instant.ofEpochMilli(s.startedAt());
        return new Visit(clientIp, source, openedAt, s.timeZone());
    }

    private static <E extends Enum<E>> void choice(
            Class<E> type,
            Function<E, String> label,
            String field,
            @Nullable String value,
            Consumer<E> setter,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return; // a missing required choice is reported by validation
        }
        Choices.parse(type, label, value)
                .ifPresentOrElse(setter, () -> errors.put(field, "Use one of " + Choices.listOf(type)));
    }
}
