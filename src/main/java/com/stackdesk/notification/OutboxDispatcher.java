package com.stackdesk.notification;

import com.stackdesk.base.DurableCommits;
import com.stackdesk.base.LeadLogContext;
import com.stackdesk.base.Plurals;
import com.stackdesk.base.VisitorsFirst;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadLookup;
import com.stackdesk.lead.LeadTimeline;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due emails through SMTP. Each run claims a batch (PENDING → SENDING, a
 * conditional update, so two dispatchers — threads or app instances — never claim the same
 * email), sends it over one connection, and marks each email sent, or schedules its next attempt
 * with exponential backoff, or marks it failed after the last attempt. The lead's timeline gets
 * the email sent, its first delay and its final failure; the retries in between are only counted
 * on the email (attempts, last error), so an outage does not flood the timeline.
 *
 * <p>Emails are rendered here, on their first attempt, not in the transaction that queued them.
 *
 * <p>While a dispatcher sends, it renews its claims every minute, so a slow send
 * is never taken over by another instance; only the claims of a dispatcher that stopped renewing
 * (its process died) go back to pending. The one gap no outbox can close: if the process dies after
 * the SMTP server accepted an email but before it was marked sent, the email goes out again once
 * its claim times out. Each email keeps one Message-ID across attempts, so receiving systems can
 * recognise the repeat.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final FileTypeMap FILE_TYPES = fileTypes();

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every body part
        // and multipart it creates (jakartaee/mail-api#699, #861), which scans the classpath and cost
        // more than the rest of building an email. Named here, it is a plain class lookup.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final OutboundEmails emails;
    private final QueuedEmailRenderer renderer;
    private final Set<String> tokensAtWork = ConcurrentHashMap.newKeySet();
    private final LeadTimeline timeline;
    private final LeadLookup leads;
    private final ObjectProvider<JavaMailSender> senders;
    private final TransactionTemplate tx;
    private final NotificationProperties properties;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final String senderName;
    private final VisitorsFirst visitorsFirst;

    OutboxDispatcher(
            OutboundEmails emails,
            QueuedEmailRenderer renderer,
            LeadTimeline timeline,
            LeadLookup leads,
            ObjectProvider<JavaMailSender> senders,
            TransactionTemplate tx,
            NotificationProperties properties,
            Clock clock,
            OutboxMetrics metrics,
            @Value("${stackdesk.consultancy-name:Northwind Software}") String senderName,
            VisitorsFirst visitorsFirst) {
        this.visitorsFirst = visitorsFirst;
        this.emails = emails;
        this.renderer = renderer;
        this.timeline = timeline;
        this.leads = leads;
        this.senders = senders;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.senderName = senderName;
    }

    @Scheduled(
            fixedDelayString = "${stackdesk.mail.dispatcher.interval:1s}",
            initialDelayString = "${stackdesk.mail.dispatcher.interval:1s}")
    void onSchedule() {
        if (!properties.dispatcher().enabled()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch failed, next run retries: {}", e.toString());
        }
    }

    /**
     * Sends every email that is due now, batch by batch.
     *
     * @return how many were sent
     */
    public int dispatchDue() {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        var stale = clock.instant().minus(properties.dispatcher().claimTimeout());
        Integer released = tx.execute(s -> emails.releaseStaleClaims(stale, EmailStatus.SENDING, EmailStatus.PENDING));
        if (released != null && released > 0) {
            log.warn("Outbox: {} emails claimed before {} were never finished; back to pending", released, stale);
        }
        // while visitors' submissions are in flight, each batch waits its turn (VisitorsFirst)
        var pace = visitorsFirst.pace();
        int sent = 0;
        while (true) {
            var token = UUID.randomUUID().toString();
            tokensAtWork.add(token);
            try {
                var round = pace.next(() -> {
                    var batch = claim(token);
                    return new Round(batch.size(), batch.isEmpty() ? 0 : send(sender, token, batch));
                });
                sent += round.sent();
                if (round.claimed() < properties.dispatcher().batchSize()) {
                    return sent;
                }
            } finally {
                tokensAtWork.remove(token);
            }
        }
    }

    /**
     * Renews the claims of the batches being sent right now, on another scheduler thread (the
     * scheduler has more than one), well within the claim timeout.
     */
    @Scheduled(
            fixedDelayString = "${stackdesk.mail.dispatcher.claim-renewal:60s}",
            initialDelayString = "${stackdesk.mail.dispatcher.claim-renewal:60s}")
    void renewClaims() {
        var tokens = List.copyOf(tokensAtWork);
        if (!tokens.isEmpty()) {
            tx.executeWithoutResult(s -> {
                // locked in id order first, as the dispatcher locks a batch before marking it
                emails.lockClaimedBy(tokens);
                emails.renewClaims(tokens, clock.instant(), EmailStatus.SENDING);
            });
        }
    }

    /** Renders the emails of the batch that have not been yet and keeps the result; failures are returned. */
    private Map<OutboundEmail, RenderedEmail> render(
            String token, List<OutboundEmail> batch, Map<OutboundEmail, Failure> failures) {
        Map<OutboundEmail, RenderedEmail> contents = new IdentityHashMap<>();
        Map<OutboundEmail, RenderedEmail> fresh = new IdentityHashMap<>();
        for (var email : batch) {
            var content = email.content();
            if (content == null) {
                try {
                    content = renderer.render(email);
                    fresh.put(email, content);
                } catch (RuntimeException e) {
                    failures.put(email, new Failure("Could not render the email: " + e.getMessage(), false));
                    continue;
                }
            }
            contents.put(email, content);
        }
        if (!fresh.isEmpty()) {
            // a rendering a crash loses is rendered again
            DurableCommits.redoable(() -> tx.execute(s -> {
                fresh.forEach((email, c) ->
                        emails.storeRendered(id(email), token, c.subject(), c.text(), c.html(), c.calendar()));
                return fresh.size();
            }));
        }
        return contents;
    }

    /** How many emails a batch claimed, and how many of them went out. */
    private record Round(int claimed, int sent) {}

    /** A claim a crash loses leaves its emails pending: the next dispatcher sends them; marking them sent is stored at once. */
    private List<OutboundEmail> claim(String token) {
        var claimed = DurableCommits.redoable(() -> tx.execute(s -> {
            var now = clock.instant();
            var ids = emails.findDueIds(
                    EmailStatus.PENDING.name(), now, properties.dispatcher().batchSize());
            if (ids.isEmpty()) {
                return List.<OutboundEmail>of();
            }
            emails.claim(ids, token, now, EmailStatus.PENDING, EmailStatus.SENDING);
            return emails.findByClaimedByAndStatusOrderById(token, EmailStatus.SENDING);
        }));
        return claimed == null ? List.of() : claimed;
    }

    private int send(JavaMailSender sender, String token, List<OutboundEmail> batch) {
        Map<MimeMessage, OutboundEmail> messages = new IdentityHashMap<>();
        Map<OutboundEmail, Failure> failures = new IdentityHashMap<>();
        var contents = render(token, batch, failures);
        for (var email : batch) {
            var content = contents.get(email);
            if (content == null) {
                continue;
            }
            try {
                messages.put(toMessage(sender, email, content), email);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failures.put(email, new Failure("Could not build the message: " + e.getMessage(), false));
            }
        }
        long smtpStart = System.nanoTime();
        if (!messages.isEmpty()) {
            try {
                sender.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                e.getFailedMessages().forEach((message, cause) -> {
                    var email = messages.get(message);
                    if (email != null) {
                        failures.put(email, Failure.of(cause));
                    }
                });
                if (e.getFailedMessages().isEmpty()) {
                    messages.values().forEach(email -> failures.put(email, Failure.of(e)));
                }
            } catch (RuntimeException e) {
                messages.values().forEach(email -> failures.put(email, Failure.of(e)));
            }
        }
        long smtpMillis = (System.nanoTime() - smtpStart) / 1_000_000;
        var sent = new ArrayList<OutboundEmail>();
        for (var email : batch) {
            if (!failures.containsKey(email)) {
                sent.add(email);
            }
        }
        var references = references(batch);
        var marked = new ArrayList<OutboundEmail>();
        tx.executeWithoutResult(s -> {
            var now = clock.instant();
            // the batch's rows this dispatcher still holds, locked in id order as the claim renewal
            // locks them (two transactions locking the same rows in different orders deadlock); an
            // email whose claim timed out and went to another dispatcher meanwhile is not ours to mark
            var ours = new HashSet<>(emails.lockStillClaimed(
                    batch.stream().map(OutboxDispatcher::id).toList(), token));
            var sentAndOurs = sent.stream()
                    .map(OutboxDispatcher::id)
                    .filter(ours::contains)
                    .toList();
            if (!sentAndOurs.isEmpty()) {
                // one statement for the batch
                emails.markAllSent(sentAndOurs, now, EmailStatus.SENT);
                var entries = new ArrayList<LeadTimeline.Entry>();
                for (var email : sent) {
                    if (ours.contains(id(email))) {
                        metrics.sent(email.getKind());
                        if (email.getLeadId() != null) {
                            entries.add(new LeadTimeline.Entry(email.getLeadId(), "Email sent: " + email.describe()));
                        }
                        marked.add(email);
                    }
                }
                timeline.recordAll(ActivityType.EMAIL, entries);
            }
            failures.forEach((email, error) -> failed(email, token, error, now, references));
        });
        for (var email : marked) {
            try (var ignored = LeadLogContext.about(references.get(email.getLeadId()))) {
                log.info("Email sent: {} (attempt {})", email.getKind(), email.getAttempts());
            }
        }
        log.debug(
                "Outbox: batch of {} built and sent in {} ms (SMTP part), marked in {} ms",
                batch.size(),
                smtpMillis,
                (System.nanoTime() - smtpStart) / 1_000_000 - smtpMillis);
        if (!failures.isEmpty()) {
            log.info(
                    "Outbox: {} sent, {} not sent this time ({})",
                    sent.size(),
                    failures.size(),
                    // an SMTP server's refusal may quote the recipient: never an address in the log
                    LeadLogContext.withoutAddresses(
                            failures.values().iterator().next().error()));
        }
        return sent.size();
    }

    /**
     * An attempt failed. While the server is unreachable (or refuses our credentials) the email is
     * not at fault: it stays pending and is tried again at the longest backoff, however long the
     * outage. When the server refuses the message itself, it fails for good after the maximum attempts.
     */
    private void failed(OutboundEmail email, String token, Failure failure, Instant now, Map<Long, String> references) {
        int attempts = email.getAttempts();
        boolean last = !failure.serverUnavailable()
                && attempts >= properties.dispatcher().maxAttempts();
        var next = last ? now : now.plus(backoff(attempts));
        var status = last ? EmailStatus.FAILED : EmailStatus.PENDING;
        var error = failure.error();
        if (emails.markAttemptFailed(id(email), token, clip(error), next, EmailStatus.SENDING, status) == 1) {
            metrics.failed(email.getKind(), last);
            if (last) {
                record(
                        email,
                        "Email failed after " + Plurals.count(attempts, "attempt") + ": " + email.describe() + " ("
                                + error + ")");
            } else if (attempts == 1) {
                record(email, "Email delayed: " + email.describe() + " (" + error + "); retrying");
            }
            try (var ignored = LeadLogContext.about(references.get(email.getLeadId()))) {
                if (last) {
                    log.warn(
                            "Email {} failed after {} attempts ({}); the Outbox view can retry it",
                            email.getKind(),
                            attempts,
                            LeadLogContext.withoutAddresses(error));
                } else {
                    log.debug(
                            "Email {} not sent on attempt {}, next at {} ({})",
                            email.getKind(),
                            attempts,
                            next,
                            LeadLogContext.withoutAddresses(error));
                }
            }
        }
    }

    /** Why an attempt failed, and whether the server rather than the message was the problem. */
    record Failure(String error, boolean serverUnavailable) {

        static Failure of(@Nullable Throwable e) {
            boolean unavailable = false;
            for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof java.net.SocketException
                        || cause instanceof java.net.SocketTimeoutException
                        || cause instanceof java.net.UnknownHostException
                        || cause instanceof jakarta.mail.AuthenticationFailedException
                        || cause instanceof org.springframework.mail.MailAuthenticationException) {
                    unavailable = true;
                }
            }
            return new Failure(describe(e), unavailable);
        }
    }

    /** initial, 2 × initial, 4 × initial ... up to the maximum. */
    Duration backoff(int attempts) {
        var initial = properties.dispatcher().initialBackoff();
        var max = properties.dispatcher().maxBackoff();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        var wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private MimeMessage toMessage(JavaMailSender sender, OutboundEmail email, RenderedEmail content)
            throws MessagingException, UnsupportedEncodingException {
        var messageId = email.getMessageId();
        // The same Message-ID on every attempt: Jakarta Mail would otherwise make a new one.
        MimeMessage message = sender instanceof JavaMailSenderImpl impl
                ? new MimeMessage(impl.getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                }
                : sender.createMimeMessage();
        // Spring would build a new file type map for each message (it reads every mime.types on the
        // classpath, costlier than the rest of the message); ours is built once.
        var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        helper.setFrom(
                new InternetAddress(properties.from(), Headers.oneLine(senderName), StandardCharsets.UTF_8.name()));
        var to = new InternetAddress(
                email.getRecipient(), Headers.oneLine(email.getRecipientName()), StandardCharsets.UTF_8.name());
        to.validate();
        helper.setTo(to);
        helper.setSubject(Headers.oneLine(content.subject()));
        helper.setText(content.text(), content.html());
        if (content.calendar() != null) {
            // calendar apps act on the iTIP method (REQUEST: add or update, CANCEL: remove)
            var method = content.calendar().contains("\nMETHOD:CANCEL")
                    ? "CANCEL"
                    : content.calendar().contains("\nMETHOD:REQUEST") ? "REQUEST" : "PUBLISH";
            helper.addAttachment(
                    method.equals("CANCEL") ? "cancel.ics" : "invite.ics",
                    new ByteArrayResource(content.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + method);
        }
        message.setHeader("Message-ID", messageId);
        return message;
    }

    /** The references of the batch's leads, by lead id, for the log lines about them. */
    private Map<Long, String> references(List<OutboundEmail> batch) {
        var ids = batch.stream()
                .map(OutboundEmail::getLeadId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return leads.referencesOf(ids);
    }

    private static FileTypeMap fileTypes() {
        var map = new ConfigurableMimeFileTypeMap();
        map.afterPropertiesSet();
        return map;
    }

    private void record(OutboundEmail email, String text) {
        if (email.getLeadId() != null) {
            timeline.record(email.getLeadId(), ActivityType.EMAIL, null, text);
        }
    }

    private static long id(OutboundEmail email) {
        return Objects.requireNonNull(email.getId());
    }

    private static String describe(@Nullable Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var text = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
        return Headers.oneLine(text, 500);
    }

    private static String clip(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
