package com.stackdesk.routing;

/** A new lead fit nobody available: it waits in the managers' queue. Published in its transaction. */
public record LeadQueuedUnassigned(long leadId, String reason) {}
