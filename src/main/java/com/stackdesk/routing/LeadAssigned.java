package com.stackdesk.routing;

/**
 * Routing gave a newly stored lead an owner, for {@code reason} (in plain words). Published once,
 * in the transaction that stored the lead.
 */
public record LeadAssigned(long leadId, long staffId, String reason) {}
