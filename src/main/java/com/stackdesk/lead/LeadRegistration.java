package com.stackdesk.lead;

import com.stackdesk.base.InList;
import com.stackdesk.base.LeadLogContext;
import com.stackdesk.lead.internal.Leads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Stores new leads and announces them with {@link LeadSubmitted}. */
@Service
public class LeadRegistration {

    private static final Logger log = LoggerFactory.getLogger(LeadRegistration.class);

    private final Leads leads;
    private final LeadTimeline timeline;
    private final LeadSearchIndex searchIndex;
    private final LeadReferences references;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<FirstResponseDeadlines> deadlines;
    private final JdbcClient jdbc;
    private volatile @Nullable FirstResponseDeadlines firstResponseDeadlines;

    LeadRegistration(
            Leads leads,
            LeadTimeline timeline,
            LeadSearchIndex searchIndex,
            LeadReferences references,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<FirstResponseDeadlines> deadlines,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.timeline = timeline;
        this.searchIndex = searchIndex;
        this.references = references;
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /**
     * Stores the lead with a fresh unique reference and announces it with {@link LeadSubmitted}
     * (routing picks it up once this transaction commits; suspected spam is never routed). A lead
     * that is not suspected spam gets its first-response deadline, computed from memory.
     */
    @Transactional
    public Lead register(NewLead request) {
        return registerAll(List.of(request)).getFirst();
    }

    /**
     * Stores the leads, in their order, each as {@link #register(NewLead)} does; their references
     * are checked against the stored ones with one query for all of them.
     */
    @Transactional
    public List<Lead> registerAll(List<NewLead> requests) {
        var now = clock.instant();
        var references = uniqueReferences(requests.size());
        var stored = new ArrayList<Lead>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            stored.add(store(requests.get(i), references.get(i), now));
        }
        // the rows each lead brings along, for all of them in one statement each
        searchIndex.queueAll(stored);
        timeline.recordAll(
                ActivityType.SUBMITTED,
                stored.stream()
                        .map(lead -> new LeadTimeline.Entry(lead.getId(), submittedText(lead)))
                        .toList());
        for (var lead : stored) {
            try (var ignored = LeadLogContext.about(lead.getReference())) {
                events.publishEvent(new LeadSubmitted(lead.getId(), lead.getReference(), lead.isSuspectedSpam()));
            }
        }
        logOnceCommitted(stored);
        return stored;
    }

    /**
     * "Lead stored" only once the transaction has committed: the caller may still roll it back (an
     * address over its allowance, a deadlock's victim run again), and then nothing was stored.
     */
    private static void logOnceCommitted(List<Lead> stored) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (var lead : stored) {
                    try (var ignored = LeadLogContext.about(lead.getReference())) {
                        if (lead.isSuspectedSpam()) {
                            log.info(
                                    "Lead stored: {} request, suspected spam ({})",
                                    lead.getKind(),
                                    lead.getSpamReason());
                        } else {
                            log.info("Lead stored: {} request", lead.getKind());
                        }
                    }
                }
            }
        });
    }

    private Lead store(NewLead request, String reference, Instant now) {
        var deadline = request.spamReason() == null ? deadlines() : null;
        var fresh = deadline == null
                ? new Lead(request, reference, now)
                : new Lead(request, reference, now, deadline.dueFor(request.kind(), now), now);
        if (!fresh.isSuspectedSpam()) {
            fresh.awaitRouting();
        }
        return leads.save(fresh);
    }

    /** The first-response deadlines, looked up once: resolving the provider costs a bean look-up per call. */
    private @Nullable FirstResponseDeadlines deadlines() {
        var known = firstResponseDeadlines;
        if (known == null) {
            known = deadlines.getIfAvailable();
            firstResponseDeadlines = known;
        }
        return known;
    }

    /**
     * Stores a lead that arrived earlier (demo data, imports) without announcing it: it is not
     * routed or emailed as if it had just come in.
     */
    @Transactional
    public Lead importLead(NewLead request, Instant createdAt) {
        return importLead(request, createdAt, false);
    }

    /**
     * Like {@link #importLead(NewLead, Instant)}; {@code withDeadline} gives it the first-response
     * deadline it would have got when it arrived (demo data), so it shows as due or overdue. Nobody
     * is reminded or alerted about an imported lead, now or after a restart: those steps are for
     * leads that arrive.
     */
    @Transactional
    public Lead importLead(NewLead request, Instant createdAt, boolean withDeadline) {
        var deadline = withDeadline && request.spamReason() == null ? deadlines() : null;
        var fresh = deadline == null
                ? new Lead(request, uniqueReferences(1).getFirst(), createdAt)
                : new Lead(
                        request,
                        uniqueReferences(1).getFirst(),
                        createdAt,
                        deadline.dueFor(request.kind(), createdAt),
                        Instant.MAX); // every step is behind "the end of time": none is pending
        var lead = leads.save(fresh);
        searchIndex.add(lead);
        timeline.recordAt(lead.getId(), createdAt, ActivityType.SUBMITTED, submittedText(lead));
        return lead;
    }

    private static String submittedText(Lead lead) {
        return "Submitted " + lead.getKind().label().toLowerCase(Locale.ROOT) + " request"
                + (lead.isSuspectedSpam() ? " (suspected spam: " + lead.getSpamReason() + ")" : "");
    }

    /*
     * The two look-ups of a submission go straight to the database (uk_lead_reference,
     * ix_lead_fingerprint): through JPA each would first dirty-check every lead and entry the
     * batch has stored so far, which cost more than the look-up itself.
     */
    static final String RECENT_DUPLICATE_SQL = "SELECT reference FROM lead WHERE fingerprint = ? AND created_at > ?"
            + " ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY";

    /** Which of {@code count} references (bound as parameters 1 to count) some lead already has. */
    static String referencesTakenSql(int count) {
        return "SELECT reference FROM lead WHERE reference IN (" + String.join(", ", Collections.nCopies(count, "?"))
                + ")";
    }

    /** {@code count} distinct references no lead has yet: one query checks them all. */
    private List<String> uniqueReferences(int count) {
        return references.unused(count, drawn -> {
            var in = InList.of(drawn);
            return jdbc.sql(referencesTakenSql(in.values().size()))
                    .params(in.values())
                    .query(String.class)
                    .set();
        });
    }

    /** The reference of a lead with this fingerprint stored within the window, if any. */
    @Transactional(readOnly = true)
    public Optional<String> findRecentDuplicate(String fingerprint, Duration window) {
        return jdbc.sql(RECENT_DUPLICATE_SQL)
                .param(fingerprint)
                .param(OffsetDateTime.ofInstant(clock.instant().minus(window), ZoneOffset.UTC))
                .query(String.class)
                .optional();
    }
}
