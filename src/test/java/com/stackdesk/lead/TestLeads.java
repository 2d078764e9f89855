package com.stackdesk.lead;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Leads for tests, stored without announcing them (so no routing or email reacts). */
public final class TestLeads {

    private TestLeads() {}

    public static NewLead consultation(
            String first, String last, String email, @Nullable String company, StackLeaning stack) {
        return request(LeadKind.CONSULTATION, first, last, email, company, stack, null, null);
    }

    public static NewLead request(
            LeadKind kind,
            String first,
            String last,
            String email,
            @Nullable String company,
            StackLeaning stack,
            @Nullable String utmSource,
            @Nullable String spamReason) {
        return new NewLead(
                kind,
                first,
                last,
                email,
                null,
                company,
                stack,
                "We need help",
                kind == LeadKind.CONSULTATION ? ContactMethod.VIDEO_CALL : null,
                null,
                null,
                kind == LeadKind.DEVELOPMENT_PLAN ? ProjectType.API_BACKEND : null,
                null,
                null,
                null,
                new LeadSource(utmSource, null, null, null, null, null, "/book"),
                "test-v1",
                "203.0.113.9",
                UUID.randomUUID().toString(),
                spamReason);
    }

    public static Lead store(LeadRegistration registration, NewLead request, Instant createdAt) {
        return registration.importLead(request, createdAt);
    }
}
