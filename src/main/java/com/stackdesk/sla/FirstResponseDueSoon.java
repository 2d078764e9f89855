package com.stackdesk.sla;

import java.time.Instant;

/**
 * A lead's first response is due soon and its owner is to be reminded. Published once per lead,
 * in the transaction that claimed the reminder; the reminder email is queued from it.
 */
public record FirstResponseDueSoon(long leadId, long ownerId, Instant dueAt) {}
