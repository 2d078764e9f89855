package com.stackdesk.lead;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Leads for tests: {@link #lead()} is the one place a test builds a {@link NewLead}; {@link
 * #store} keeps it without announcing it (so no routing or email reacts).
 */
public final class TestLeads {

    private TestLeads() {}

    /** A development plan request from Lee Visitor of Acme, leaning to Java, straight from the booking page. */
    public static Builder lead() {
        return new Builder();
    }

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
        return lead().kind(kind)
                .name(first, last)
                .email(email)
                .company(company)
                .stack(stack)
                .utmSource(utmSource)
                .spamReason(spamReason)
                .build();
    }

    public static Lead store(LeadRegistration registration, NewLead request, Instant createdAt) {
        return registration.importLead(request, createdAt);
    }

    /** Builds a {@link NewLead}; every field has a plausible default, so a test names only what it is about. */
    public static final class Builder {

        private LeadKind kind = LeadKind.DEVELOPMENT_PLAN;
        private String firstName = "Lee";
        private String lastName = "Visitor";
        private String email = "lee@visitor.example";
        private @Nullable String company = "Acme";
        private @Nullable String phone;
        private StackLeaning stack = StackLeaning.JAVA;
        private @Nullable String message = "We need help";
        private @Nullable Instant preferredAt;
        private @Nullable String visitorTimeZone;
        private @Nullable String utmSource;
        private String clientIp = "203.0.113.9";
        private @Nullable String spamReason;
        private @Nullable AssistantSummary assistant;

        private Builder() {}

        public Builder assistant(@Nullable AssistantSummary assistant) {
            this.assistant = assistant;
            return this;
        }

        public Builder kind(LeadKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder name(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder company(@Nullable String company) {
            this.company = company;
            return this;
        }

        public Builder phone(@Nullable String phone) {
            this.phone = phone;
            return this;
        }

        public Builder stack(StackLeaning stack) {
            this.stack = stack;
            return this;
        }

        public Builder message(@Nullable String message) {
            this.message = message;
            return this;
        }

        /** When the visitor would like to be called, in their time zone. */
        public Builder preferredAt(@Nullable Instant preferredAt, @Nullable String visitorTimeZone) {
            this.preferredAt = preferredAt;
            this.visitorTimeZone = visitorTimeZone;
            return this;
        }

        /** The campaign's utm_source; without one the lead counts as "direct". */
        public Builder utmSource(@Nullable String utmSource) {
            this.utmSource = utmSource;
            return this;
        }

        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        /** Marks the lead as suspected spam, for this reason. */
        public Builder spamReason(@Nullable String spamReason) {
            this.spamReason = spamReason;
            return this;
        }

        public NewLead build() {
            return new NewLead(
                    kind,
                    firstName,
                    lastName,
                    email,
                    phone,
                    company,
                    stack,
                    message,
                    kind == LeadKind.CONSULTATION ? ContactMethod.VIDEO_CALL : null,
                    preferredAt,
                    visitorTimeZone,
                    kind == LeadKind.DEVELOPMENT_PLAN ? ProjectType.API_BACKEND : null,
                    null,
                    null,
                    null,
                    new LeadSource(utmSource, null, null, null, null, null, "/book"),
                    "test-v1",
                    clientIp,
                    UUID.randomUUID().toString(),
                    spamReason,
                    assistant);
        }
    }
}
