package com.stackdesk.lead;

/** A visitor's lead was stored. Published in the transaction that stored it. */
public record LeadSubmitted(long leadId, String reference, boolean suspectedSpam) {}
