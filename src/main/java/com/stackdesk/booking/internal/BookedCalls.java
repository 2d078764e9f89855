package com.stackdesk.booking.internal;

import com.stackdesk.booking.BookedCall;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Booked and cancelled calls. */
public interface BookedCalls extends JpaRepository<BookedCall, Long> {

    /**
     * The booked calls of these reps starting in [{@code from}, {@code to}), earliest first: a
     * range scan of the unique index on (staff_id, active_starts_at), which holds booked calls only.
     */
    @Query("select c from BookedCall c where c.staffId in :staffIds"
            + " and c.activeStartsAt >= :from and c.activeStartsAt < :to order by c.activeStartsAt")
    List<BookedCall> bookedBetween(Collection<Long> staffIds, Instant from, Instant to);

    /** The lead's booked call, if it has one (unique index on active_lead_id). */
    Optional<BookedCall> findByActiveLeadId(long leadId);

    /** The lead's latest call, booked or cancelled (index on lead_id). */
    Optional<BookedCall> findFirstByLeadIdOrderByIdDesc(long leadId);

    /**
     * Calls whose reminder is due (index on reminder_due_at, null once sent or cancelled), from
     * {@code since} (the epoch): from an upper bound alone H2 read the NULLs of every call reminded
     * or cancelled before the first due one, as it puts NULLs first.
     */
    @Query("select c.id from BookedCall c where c.reminderDueAt >= :since and c.reminderDueAt <= :now"
            + " order by c.reminderDueAt")
    List<Long> remindersDue(Instant since, Instant now, Limit limit);

    /**
     * Claims a due reminder: exactly one caller (on any instance) gets 1, and only while the call
     * is still booked with its reminder unsent; the claim commits with the reminder emails.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update BookedCall c set c.reminderDueAt = null, c.remindedAt = :now, c.version = c.version + 1"
            + " where c.id = :id and c.reminderDueAt <= :now")
    int claimReminder(long id, Instant now);
}
