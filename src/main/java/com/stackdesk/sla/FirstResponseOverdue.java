package com.stackdesk.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A lead reached its first-response deadline unanswered: the managers are to be alerted. Published
 * once per lead, in the transaction that claimed the alert; the alert emails are queued from it.
 *
 * @param ownerId who held the lead at the deadline (null: nobody)
 */
public record FirstResponseOverdue(long leadId, @Nullable Long ownerId, Instant dueAt) {}
