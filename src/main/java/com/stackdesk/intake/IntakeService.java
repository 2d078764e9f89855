package com.stackdesk.intake;

import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.analytics.FormEvent;
import com.stackdesk.analytics.TrackedForm;
import com.stackdesk.base.ClientKey;
import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.DurableCommits;
import com.stackdesk.base.VisitorsFirst;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.AssistantSummary;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.NewLead;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a lead comes in, whatever the channel (the Vaadin forms, the HTTP API): normalizes
 * and validates the request, recognizes a repeated submission, applies the rate limit, flags bots,
 * and stores the lead. Open to anonymous callers by design: visitors are not signed in.
 */
@Service
public class IntakeService {

    static final String PREFERRED_TIME_PAST = "Choose a time in the future";
    static final String PREFERRED_TIME_TOO_FAR = "Choose a time within the next year";
    static final int PREFERRED_TIME_MAX_DAYS = 366;

    private final LeadRegistration registration;
    private final Validator validator;
    private final SubmissionRateLimiter rateLimiter;
    private final IntakeProperties properties;
    private final SubmissionFingerprints fingerprints;
    private final TransactionTemplate transactions;
    private final FormAnalytics analytics;
    private final ObjectProvider<AssistantAdvisor> advisor;
    private final Clock clock;
    private final StoreBatches<Submission, SubmissionResult> batches;
    private final CurrentUser currentUser;
    private final LeadTimeline timeline;
    private final VisitorsFirst visitorsFirst;

    IntakeService(
            LeadRegistration registration,
            Validator validator,
            SubmissionRateLimiter rateLimiter,
            IntakeProperties properties,
            SubmissionFingerprints fingerprints,
            TransactionTemplate transactions,
            FormAnalytics analytics,
            ObjectProvider<AssistantAdvisor> advisor,
            Clock clock,
            CurrentUser currentUser,
            LeadTimeline timeline,
            VisitorsFirst visitorsFirst,
            DurableCommits durableCommits,
            DataSource dataSource) {
        this.visitorsFirst = visitorsFirst;
        this.currentUser = currentUser;
        this.timeline = timeline;
        this.registration = registration;
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.fingerprints = fingerprints;
        this.transactions = transactions;
        this.analytics = analytics;
        this.advisor = advisor;
        this.clock = clock;
        this.batches = new StoreBatches<>(
                properties.concurrentStoresOn(databaseProduct(dataSource)),
                properties.storeBatch(),
                new StoreBatches.Store<>() {
                    @Override
                    public List<SubmissionResult> storeAll(List<Submission> submissions) {
                        return DurableCommits.storedByTheCaller(
                                () -> Objects.requireNonNull(transactions.execute(tx -> storeTogether(submissions))));
                    }

                    @Override
                    public void madeDurable() {
                        durableCommits.storeCommitted();
                    }

                    @Override
                    public SubmissionResult storeOne(Submission submission) {
                        return IntakeService.this.storeOne(submission.lead(), submission.clientKey());
                    }
                });
    }

    private static String databaseProduct(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database intake stores leads in", e);
        }
    }

    /**
     * Takes a visitor's request. Normalizes it in place, then either stores it and answers {@link
     * SubmissionResult.Accepted}, or stores nothing and says why. The work that follows (routing,
     * emails, search terms) gives way while submissions are in flight ({@link VisitorsFirst}).
     */
    public SubmissionResult submit(LeadRequest request, Visit visit) {
        return visitorsFirst.serve(() -> take(request, visit));
    }

    private SubmissionResult take(LeadRequest request, Visit visit) {
        normalize(request);
        var errors = new LinkedHashMap<String, String>();
        validator
                .validate(request)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        var preferredAt = preferredContactAt(request, visit, errors);
        var form = form(request, errors);
        var assistant = assistantSummary(request, errors);
        if (!errors.isEmpty()) {
            return new SubmissionResult.Invalid(errors);
        }
        var fingerprint = fingerprint(request);
        var clientKey = Objects.requireNonNullElse(visit.clientIp(), "unknown");
        var exhausted = rateLimiter.waitIfExhausted(clientKey);
        if (exhausted.isPresent()) {
            // a repeat costs no allowance: a double click after the last allowed submission is answered
            return registration
                    .findRecentDuplicate(fingerprint, properties.duplicateWindow())
                    .<SubmissionResult>map(reference -> new SubmissionResult.Accepted(reference, true))
                    .orElseGet(() -> new SubmissionResult.RateLimited(exhausted.get()));
        }
        var lead = toNewLead(request, visit, preferredAt, fingerprint, spamReason(request, visit))
                .withAssistant(assistant);
        var result = batches.store(new Submission(lead, clientKey));
        if (result instanceof SubmissionResult.Accepted accepted && !accepted.repeated() && lead.spamReason() == null) {
            // after the commit; counted in memory and written with other counts every few seconds
            analytics.count(form, FormEvent.SUBMISSION, lead.source());
        }
        return result;
    }

    /** How a lead staff enter by hand reached them; its source label on the lead. */
    public enum Channel {
        PHONE("phone", "phone call"),
        MANUAL("manual", "entered by hand");

        private final String source;
        private final String description;

        Channel(String source, String description) {
            this.source = source;
            this.description = description;
        }

        public String source() {
            return source;
        }

        public String description() {
            return description;
        }
    }

    /**
     * A lead a staff member takes down by hand (a phone call that came in): validated, folded into
     * a recent identical lead and routed exactly as a visitor's, with source {@code phone} or {@code
     * manual} and who entered it on its timeline. The checks against bots (honeypot, fill time,
     * rate limit) do not apply: a signed-in person typed it.
     */
    @PreAuthorize("hasRole('SALES')")
    public SubmissionResult registerByHand(ConsultationRequest request, Channel channel) {
        var user = currentUser.require();
        normalize(request);
        request.setWebsite(null);
        var errors = new LinkedHashMap<String, String>();
        validator
                .validate(request)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        var visit = new Visit(
                null, new LeadSource(channel.source(), "manual", null, null, null, null, null), clock.instant(), null);
        var preferredAt = preferredContactAt(request, visit, errors);
        if (!errors.isEmpty()) {
            return new SubmissionResult.Invalid(errors);
        }
        var fingerprint = fingerprint(request);
        var lead = toNewLead(request, visit, preferredAt, fingerprint, null);
        return Objects.requireNonNull(transactions.execute(tx -> {
            var repeated = recentDuplicate(fingerprint, fingerprints.claim(fingerprint));
            if (repeated.isPresent()) {
                return new SubmissionResult.Accepted(repeated.get(), true);
            }
            var stored = registration.register(lead);
            timeline.record(
                    Objects.requireNonNull(stored.getId()),
                    ActivityType.NOTE,
                    user.username(),
                    "Entered by " + user.fullName() + " (" + channel.description() + ")");
            return new SubmissionResult.Accepted(stored.getReference(), false);
        }));
    }

    private record Submission(NewLead lead, String clientKey) {}

    /**
     * Stores submissions together in the caller's transaction. Rows are locked in one order that
     * every batch follows, so concurrent batches (of this instance or another) may wait for each
     * other but never in a circle: first the content fingerprints, sorted (a double click, on any
     * instance, stores one lead), then each address's allowance, sorted, taken once for all of its
     * submissions. A repeat, of a stored lead or of an earlier submission in the batch, costs no
     * allowance; a submission over its address's allowance stores nothing.
     */
    private List<SubmissionResult> storeTogether(List<Submission> submissions) {
        var seenBefore = fingerprints.claimAll(
                submissions.stream().map(s -> s.lead().fingerprint()).toList());
        var results = new SubmissionResult[submissions.size()];
        var firstOfContent = new HashMap<String, Integer>();
        var wanted = new TreeMap<String, Integer>();
        for (int i = 0; i < submissions.size(); i++) {
            var submission = submissions.get(i);
            var fingerprint = submission.lead().fingerprint();
            var stored = recentDuplicate(fingerprint, seenBefore.contains(fingerprint));
            if (stored.isPresent()) {
                results[i] = new SubmissionResult.Accepted(stored.get(), true);
            } else if (firstOfContent.putIfAbsent(fingerprint, i) == null) {
                wanted.merge(ClientKey.of(submission.clientKey()), 1, Integer::sum);
            }
        }
        var grants = wanted.isEmpty() ? Map.<String, SubmissionRateLimiter.Grant>of() : rateLimiter.takeAll(wanted);
        var used = new HashMap<String, Integer>();
        var granted = new ArrayList<Integer>();
        for (int i = 0; i < submissions.size(); i++) {
            var submission = submissions.get(i);
            if (results[i] != null || firstOfContent.get(submission.lead().fingerprint()) != i) {
                continue;
            }
            var address = ClientKey.of(submission.clientKey());
            var grant = grants.get(address);
            if (used.merge(address, 1, Integer::sum) <= grant.granted()) {
                granted.add(i);
            } else {
                results[i] = new SubmissionResult.RateLimited(grant.refusedWait());
            }
        }
        var stored = registration.registerAll(
                granted.stream().map(i -> submissions.get(i).lead()).toList());
        for (int j = 0; j < granted.size(); j++) {
            results[granted.get(j)] =
                    new SubmissionResult.Accepted(stored.get(j).getReference(), false);
        }
        for (int i = 0; i < submissions.size(); i++) {
            int first = firstOfContent.getOrDefault(submissions.get(i).lead().fingerprint(), i);
            if (results[i] == null && first != i) {
                // the same content as an earlier submission of this batch: its answer, as a repeat
                results[i] = results[first] instanceof SubmissionResult.Accepted accepted
                        ? new SubmissionResult.Accepted(accepted.reference(), true)
                        : results[first];
            }
        }
        return List.of(results);
    }

    /** Stores one submission on its own, again if a concurrent one created a row it needed first. */
    private SubmissionResult storeOne(NewLead lead, String clientKey) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(tx -> storeOnce(lead, clientKey, tx)));
            } catch (DuplicateKeyException concurrentFirst) {
                // the same content, or the first submission from the same address, was being stored
                // at the same moment and created the row this one wanted to create: with that row
                // now there, the next attempt waits on it
                if (attempt == 3) {
                    throw concurrentFirst;
                }
            } catch (PessimisticLockingFailureException deadlockVictim) {
                // the database broke a deadlock with a concurrent batch (or another instance's) by
                // rolling this transaction back: nothing of it was kept, so it can simply run again
                if (attempt == 3) {
                    throw deadlockVictim;
                }
            }
        }
    }

    /**
     * Stores one submission in one transaction, so one commit: a submission of the same content
     * waits on the fingerprint's row (a double click, on any instance, stores one lead), and the
     * address's allowance is counted last, so its row stays locked only while the transaction
     * commits. Over the allowance, nothing is kept.
     */
    private SubmissionResult storeOnce(NewLead lead, String clientKey, TransactionStatus tx) {
        var fingerprint = lead.fingerprint();
        var repeated = recentDuplicate(fingerprint, fingerprints.claim(fingerprint));
        if (repeated.isPresent()) {
            return new SubmissionResult.Accepted(repeated.get(), true);
        }
        var reference = registration.register(lead).getReference();
        var wait = rateLimiter.take(clientKey);
        if (wait.isPresent()) {
            tx.setRollbackOnly();
            return new SubmissionResult.RateLimited(wait.get());
        }
        return new SubmissionResult.Accepted(reference, false);
    }

    /**
     * The reference of a lead of the same content stored within the duplicate window. Only content
     * whose fingerprint row was already there can have one ({@link SubmissionFingerprints#claim}),
     * so new content, most submissions, costs no look-up.
     */
    private Optional<String> recentDuplicate(String fingerprint, boolean claimedBefore) {
        return claimedBefore
                ? registration.findRecentDuplicate(fingerprint, properties.duplicateWindow())
                : Optional.empty();
    }

    /**
     * Takes a lead posted over HTTP: reads its choices, then goes the way of {@link #submit(LeadRequest,
     * Visit)}. A value it cannot read is reported with the validation errors; nothing is stored then.
     */
    public SubmissionResult submit(LeadSubmission submission, @Nullable String clientIp, @Nullable String referer) {
        var unreadable = new LinkedHashMap<String, String>();
        var request = LeadSubmissions.toRequest(submission, unreadable);
        if (request == null) {
            return new SubmissionResult.Invalid(unreadable);
        }
        var visit = LeadSubmissions.toVisit(submission, clientIp, referer);
        if (unreadable.isEmpty()) {
            return inApiNames(submit(request, visit));
        }
        normalize(request);
        var errors = new LinkedHashMap<String, String>(unreadable);
        validator
                .validate(request)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return inApiNames(new SubmissionResult.Invalid(errors));
    }

    /** A plan's description is posted as {@code message}: its errors are reported under that name too. */
    private static SubmissionResult inApiNames(SubmissionResult result) {
        if (!(result instanceof SubmissionResult.Invalid invalid)
                || !invalid.fieldErrors().containsKey("description")) {
            return result;
        }
        var errors = new LinkedHashMap<String, String>();
        invalid.fieldErrors()
                .forEach((field, message) -> errors.put(field.equals("description") ? "message" : field, message));
        return new SubmissionResult.Invalid(errors);
    }

    /** The form the request names, or the kind's embedded form; an unknown name is an error. */
    private static TrackedForm form(LeadRequest request, Map<String, String> errors) {
        var byKind = request.kind() == LeadKind.CONSULTATION ? TrackedForm.CONSULTATION : TrackedForm.DEVELOPMENT_PLAN;
        var name = Text.singleLine(request.getFormName());
        if (name == null) {
            return byKind;
        }
        return TrackedForm.byId(name).orElseGet(() -> {
            errors.putIfAbsent("form", "Use one of " + TrackedForm.ids());
            return byKind;
        });
    }

    private @Nullable AssistantSummary assistantSummary(LeadRequest request, Map<String, String> errors) {
        var answers = request.getAssistant();
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        var assistant = advisor.getIfAvailable();
        if (assistant == null) {
            errors.putIfAbsent("assistant", "The stack assistant is not available here");
            return null;
        }
        return assistant.summarize(answers, errors);
    }

    private @Nullable String spamReason(LeadRequest request, Visit visit) {
        if (request.getWebsite() != null) {
            return "honeypot field filled in";
        }
        var fillTime = Duration.between(visit.formOpenedAt(), clock.instant());
        if (fillTime.compareTo(properties.minFillTime()) < 0) {
            return "form filled in " + fillTime.toMillis() + " ms";
        }
        return null;
    }

    private static void normalize(LeadRequest request) {
        request.setFirstName(Text.singleLine(request.getFirstName()));
        request.setLastName(Text.singleLine(request.getLastName()));
        request.setEmail(Text.email(request.getEmail()));
        request.setWebsite(Text.singleLine(request.getWebsite()));
        switch (request) {
            case ConsultationRequest c -> {
                c.setPhone(Text.singleLine(c.getPhone()));
                c.setCompany(Text.singleLine(c.getCompany()));
                c.setMessage(Text.multiLine(c.getMessage()));
            }
            case DevelopmentPlanRequest p -> {
                p.setCompany(Text.singleLine(p.getCompany()));
                p.setDescription(Text.multiLine(p.getDescription()));
            }
            default -> throw new IllegalArgumentException("Unknown request " + request.getClass());
        }
    }

    private @Nullable Instant preferredContactAt(LeadRequest request, Visit visit, Map<String, String> errors) {
        if (!(request instanceof ConsultationRequest c) || c.getPreferredTime() == null) {
            return null;
        }
        var at = c.getPreferredTime().atZone(zoneOf(visit)).toInstant();
        if (at.isBefore(clock.instant())) {
            errors.putIfAbsent("preferredTime", PREFERRED_TIME_PAST);
        } else if (at.isAfter(clock.instant().plus(Duration.ofDays(PREFERRED_TIME_MAX_DAYS)))) {
            errors.putIfAbsent("preferredTime", PREFERRED_TIME_TOO_FAR);
        }
        return at;
    }

    private static ZoneId zoneOf(Visit visit) {
        try {
            return visit.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(visit.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private NewLead toNewLead(
            LeadRequest request,
            Visit visit,
            @Nullable Instant preferredAt,
            String fingerprint,
            @Nullable String spamReason) {
        var source = clip(visit.source());
        var timeZone = preferredAt == null ? null : zoneOf(visit).getId();
        var ip = Text.singleLine(visit.clientIp());
        return switch (request) {
            case ConsultationRequest c ->
                new NewLead(
                        c.kind(),
                        c.getFirstName(),
                        c.getLastName(),
                        c.getEmail(),
                        c.getPhone(),
                        c.getCompany(),
                        c.getStack(),
                        c.getMessage(),
                        c.getContactMethod(),
                        preferredAt,
                        timeZone,
                        null,
                        null,
                        null,
                        null,
                        source,
                        properties.consentVersion(),
                        ip,
                        fingerprint,
                        spamReason,
                        null);
            case DevelopmentPlanRequest p ->
                new NewLead(
                        p.kind(),
                        p.getFirstName(),
                        p.getLastName(),
                        p.getEmail(),
                        null,
                        p.getCompany(),
                        p.getStack(),
                        p.getDescription(),
                        null,
                        null,
                        null,
                        p.getProjectType(),
                        p.getBudget(),
                        p.getTimeline(),
                        p.getTeamSize(),
                        source,
                        properties.consentVersion(),
                        ip,
                        fingerprint,
                        spamReason,
                        null);
            default -> throw new IllegalArgumentException("Unknown request " + request.getClass());
        };
    }

    /** Attribution comes from URLs and headers the visitor controls: single-line and cut to the column sizes. */
    private static LeadSource clip(LeadSource s) {
        return new LeadSource(
                clip(s.utmSource(), LeadLimits.UTM),
                clip(s.utmMedium(), LeadLimits.UTM),
                clip(s.utmCampaign(), LeadLimits.UTM),
                clip(s.utmTerm(), LeadLimits.UTM),
                clip(s.utmContent(), LeadLimits.UTM),
                clip(s.referrer(), LeadLimits.URL),
                clip(s.landingPage(), LeadLimits.URL));
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        var line = Text.singleLine(value);
        if (line == null || line.length() <= max) {
            return line;
        }
        return line.substring(0, Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max);
    }

    /** Same content → same fingerprint: the kind, the email (case-insensitive) and every field typed. */
    static String fingerprint(LeadRequest request) {
        var parts =
                switch (request) {
                    case ConsultationRequest c ->
                        Stream.of(
                                c.getPhone(),
                                c.getCompany(),
                                c.getContactMethod(),
                                c.getPreferredTime(),
                                c.getMessage());
                    case DevelopmentPlanRequest p ->
                        Stream.of(
                                p.getCompany(),
                                p.getProjectType(),
                                p.getDescription(),
                                p.getBudget(),
                                p.getTimeline(),
                                p.getTeamSize());
                    default -> throw new IllegalArgumentException("Unknown request " + request.getClass());
                };
        var all = Stream.concat(
                Stream.of(
                        request.kind(),
                        request.getFirstName(),
                        request.getLastName(),
                        Objects.requireNonNullElse(request.getEmail(), "").toLowerCase(Locale.ROOT),
                        request.getStack()),
                parts);
        var joined = new StringBuilder();
        all.forEach(v -> joined.append(v == null ? "" : v.toString()).append('\u001F'));
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
