package com.stackdesk.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The outbox. Status changes are conditional updates ("... where status = PENDING"): the database
 * decides which dispatcher owns an email, so it is never sent by two.
 */
interface OutboundEmails extends JpaRepository<OutboundEmail, Long> {

    /**
     * The emails due, oldest first: the first {@code limit} entries of one range of
     * ix_outbound_email_due (status, next_attempt_at). The ORDER BY starts with the status, fixed
     * here, because H2 reads an index in order only for an ORDER BY that starts with the index's
     * first column: ordered by next_attempt_at alone it read and sorted every due email for each
     * batch, which made a backlog of 180,000 emails drain at 1,200 a minute.
     */
    String DUE_SQL = "SELECT id FROM outbound_email WHERE status = :status AND next_attempt_at <= :now"
            + " ORDER BY status, next_attempt_at, id FETCH FIRST :limit ROWS ONLY";

    @Query(value = DUE_SQL, nativeQuery = true)
    List<Long> findDueIds(String status, Instant now, int limit);

    /** Claims the given pending emails for {@code token}; returns how many it got. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.status = :sending, e.claimedBy = :token, e.claimedAt = :now,"
            + " e.attempts = e.attempts + 1 where e.id in :ids and e.status = :pending")
    int claim(Collection<Long> ids, String token, Instant now, EmailStatus pending, EmailStatus sending);

    List<OutboundEmail> findByClaimedByAndStatusOrderById(String claimedBy, EmailStatus status);

    /**
     * Locks the emails of {@code ids} this dispatcher ({@code token}) still holds, so that no
     * other can take them over until it has marked them: the ones it may mark sent.
     */
    @Query(
            value = "SELECT id FROM outbound_email WHERE id IN (:ids) AND claimed_by = :token AND status = 'SENDING'"
                    + " ORDER BY id FOR UPDATE",
            nativeQuery = true)
    List<Long> lockStillClaimed(Collection<Long> ids, String token);

    /** Locks the emails the dispatchers of {@code tokens} are sending, in id order. */
    @Query(
            value = "SELECT id FROM outbound_email WHERE claimed_by IN (:tokens) AND status = 'SENDING'"
                    + " ORDER BY id FOR UPDATE",
            nativeQuery = true)
    List<Long> lockClaimedBy(Collection<String> tokens);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.status = :sent, e.sentAt = :now, e.claimedBy = null, e.lastError = null"
            + " where e.id in :ids")
    int markAllSent(Collection<Long> ids, Instant now, EmailStatus sent);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.status = :next, e.nextAttemptAt = :nextAttemptAt, e.claimedBy = null,"
            + " e.lastError = :error where e.id = :id and e.claimedBy = :token and e.status = :sending")
    int markAttemptFailed(
            long id, String token, String error, Instant nextAttemptAt, EmailStatus sending, EmailStatus next);

    /** Puts emails whose dispatcher vanished mid-send (a crash, a kill) back in the queue. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.status = :pending, e.claimedBy = null"
            + " where e.status = :sending and e.claimedAt < :claimedBefore")
    int releaseStaleClaims(Instant claimedBefore, EmailStatus sending, EmailStatus pending);

    /** An administrator's retry: a failed (or waiting) email goes out on the dispatcher's next run. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.status = :pending, e.nextAttemptAt = :now, e.attempts = 0"
            + " where e.id = :id and e.status in :retryable")
    int retry(long id, Instant now, Collection<EmailStatus> retryable, EmailStatus pending);

    /** Keeps what the dispatcher holding the claim rendered, once: every later attempt sends the same. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.subject = :subject, e.textBody = :text, e.htmlBody = :html,"
            + " e.calendar = :calendar where e.id = :id and e.claimedBy = :token and e.subject is null")
    int storeRendered(long id, String token, String subject, String text, String html, @Nullable String calendar);

    /** Keeps the claims of a dispatcher that is still at work fresh, so nobody takes them over. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundEmail e set e.claimedAt = :now where e.claimedBy in :tokens and e.status = :sending")
    int renewClaims(Collection<String> tokens, Instant now, EmailStatus sending);

    long countByStatus(EmailStatus status);

    /** When the oldest email of this status was queued; read from {@code ix_outbound_email_pending_age}. */
    @Query("select min(e.createdAt) from OutboundEmail e where e.status = :status")
    @Nullable
    Instant oldestCreatedAt(EmailStatus status);

    List<OutboundEmail> findByLeadIdOrderById(long leadId);

    List<OutboundEmail> findTop500ByOrderByIdDesc();

    /**
     * The latest emails in one state, newest first: the end of ix_outbound_email_pending_age
     * (status, created_at), read backwards. The ORDER BY names the pinned status first, as H2 needs
     * to read an index in order; by id alone it read every email in that state (all sent ones).
     */
    @Query("select e from OutboundEmail e where e.status = :status"
            + " order by e.status desc, e.createdAt desc, e.id desc")
    List<OutboundEmail> latestIn(EmailStatus status, Limit limit);
}
