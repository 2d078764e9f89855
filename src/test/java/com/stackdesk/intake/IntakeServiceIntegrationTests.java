package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.MutableClock;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import com.stackdesk.lead.internal.Leads;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@Import(IntakeServiceIntegrationTests.TestClock.class)
class IntakeServiceIntegrationTests {

    private static final AtomicInteger addresses = new AtomicInteger();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        }
    }

    @Autowired
    IntakeService intake;

    @Autowired
    Leads leads;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    /** A visitor with an address of their own (the rate limit is per address) who took a minute to fill in the form. */
    private Visit visit() {
        return visit(new LeadSource(
                "newsletter", "email", "q4", null, null, "https://news.example/x", "/book?utm_source=newsletter"));
    }

    private Visit visit(LeadSource source) {
        return new Visit(
                "198.51.100." + addresses.incrementAndGet(),
                source,
                clock.instant().minusSeconds(60),
                "Europe/Berlin");
    }

    private static ConsultationRequest consultation() {
        var r = new ConsultationRequest();
        r.setFirstName("José");
        r.setLastName("Fernández");
        r.setEmail("Jose.Fernandez@Example.COM");
        r.setPhone("+34 600 123 456");
        r.setCompany("Fjord Analytics");
        r.setStack(StackLeaning.GO);
        r.setContactMethod(ContactMethod.VIDEO_CALL);
        r.setPreferredTime(LocalDateTime.of(2026, 12, 3, 14, 30));
        r.setMessage("Our Go API slows down at peak hours.\nCan we talk? " + UUID.randomUUID());
        r.setConsent(true);
        return r;
    }

    private static DevelopmentPlanRequest plan() {
        var r = new DevelopmentPlanRequest();
        r.setFirstName("Zoë");
        r.setLastName("李");
        r.setEmail("zoe@brightline.example");
        r.setCompany("Brightline Health");
        r.setStack(StackLeaning.PYTHON);
        r.setProjectType(ProjectType.WEB_APPLICATION);
        r.setDescription("A booking platform for clinics. " + UUID.randomUUID());
        r.setBudget(BudgetRange.FROM_50K_TO_150K);
        r.setTimeline(Timeline.WITHIN_3_MONTHS);
        r.setTeamSize(TeamSize.FROM_11_TO_50);
        r.setConsent(true);
        return r;
    }

    private Lead stored(SubmissionResult result) {
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        var reference = ((SubmissionResult.Accepted) result).reference();
        assertThat(reference).matches("SD-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}");
        return leads.findByReference(reference).orElseThrow();
    }

    @Test
    void storesAConsultationWithEveryField() {
        var visit = visit();
        var lead = stored(intake.submit(consultation(), visit));

        assertThat(lead.getKind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.getFirstName()).isEqualTo("José");
        assertThat(lead.getLastName()).isEqualTo("Fernández");
        assertThat(lead.getEmail()).isEqualTo("Jose.Fernandez@example.com");
        assertThat(lead.getPhone()).isEqualTo("+34 600 123 456");
        assertThat(lead.getCompany()).isEqualTo("Fjord Analytics");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        assertThat(lead.getContactMethod()).isEqualTo(ContactMethod.VIDEO_CALL);
        assertThat(lead.getPreferredContactAt()).isEqualTo(Instant.parse("2026-12-03T13:30:00Z"));
        assertThat(lead.getVisitorTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(lead.getMessage()).startsWith("Our Go API slows down at peak hours.\nCan we talk?");
        assertThat(lead.getCreatedAt()).isEqualTo(clock.instant());
        assertThat(lead.getSource())
                .isEqualTo(new LeadSource(
                        "newsletter",
                        "email",
                        "q4",
                        null,
                        null,
                        "https://news.example/x",
                        "/book?utm_source=newsletter"));
        assertThat(lead.getConsentVersion()).isEqualTo("2026-11-v1");
        assertThat(lead.getConsentAt()).isEqualTo(clock.instant());
        assertThat(lead.getClientIp()).isEqualTo(visit.clientIp());
        assertThat(lead.isSuspectedSpam()).isFalse();
        // routing writes its decision on the lead, right after it is stored: one update after the insert
        assertThat(AwaitRouting.routed(leads, lead.getId()).getVersion()).isEqualTo(1L);
        // and the search's worker its terms, folded, once the submission's transaction is done
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT term FROM lead_search_term WHERE lead_id = ?", String.class, lead.getId()))
                .contains(
                        "jose",
                        "fernandez",
                        "fjord",
                        "analytics",
                        lead.getReference().toLowerCase()));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM lead_search_pending WHERE lead_id = ?", Integer.class, lead.getId()))
                .isZero();
    }

    @Test
    void storesADevelopmentPlanWithEveryField() {
        var lead = stored(intake.submit(plan(), visit()));

        assertThat(lead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(lead.getLastName()).isEqualTo("李");
        assertThat(lead.getCompany()).isEqualTo("Brightline Health");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.PYTHON);
        assertThat(lead.getProjectType()).isEqualTo(ProjectType.WEB_APPLICATION);
        assertThat(lead.getMessage()).startsWith("A booking platform for clinics.");
        assertThat(lead.getBudget()).isEqualTo(BudgetRange.FROM_50K_TO_150K);
        assertThat(lead.getTimeline()).isEqualTo(Timeline.WITHIN_3_MONTHS);
        assertThat(lead.getTeamSize()).isEqualTo(TeamSize.FROM_11_TO_50);
        assertThat(lead.getContactMethod()).isNull();
        assertThat(lead.getSource().utmSource()).isEqualTo("newsletter");
    }

    @Test
    void invalidInputIsAnsweredPerFieldAndStoresNothing() {
        long before = leads.count();
        var request = consultation();
        request.setEmail("ana@example");
        request.setFirstName("  \r\n ");
        request.setConsent(false);

        var result = intake.submit(request, visit());

        assertThat(result).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(((SubmissionResult.Invalid) result).fieldErrors()).containsOnlyKeys("email", "firstName", "consent");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void aPreferredTimeInThePastIsRefused() {
        long before = leads.count();
        var request = consultation();
        request.setPreferredTime(LocalDateTime.of(2020, 1, 1, 9, 0));

        var result = intake.submit(request, visit());

        assertThat(((SubmissionResult.Invalid) result).fieldErrors()).containsOnlyKeys("preferredTime");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void controlCharactersNeverReachTheDatabase() {
        var request = consultation();
        request.setFirstName("Ana\r\nBcc: attacker@example.com");
        request.setCompany("Acme\u0000 Corp\t");
        request.setMessage("Line one\r\nLine two\u0007");

        var lead = stored(intake.submit(request, visit()));

        assertThat(lead.getFirstName()).isEqualTo("Ana Bcc: attacker@example.com");
        assertThat(lead.getCompany()).isEqualTo("Acme Corp");
        assertThat(lead.getMessage()).isEqualTo("Line one\nLine two");
    }

    @Test
    void markupIsStoredAsTypedText() {
        var request = consultation();
        request.setCompany("<img src=x onerror=alert(1)>");

        var lead = stored(intake.submit(request, visit()));

        assertThat(lead.getCompany()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeSuccessButStoredAsSuspectedSpam() {
        var request = consultation();
        request.setWebsite("http://cheap-pills.example");

        var lead = stored(intake.submit(request, visit()));

        assertThat(lead.isSuspectedSpam()).isTrue();
        assertThat(lead.getSpamReason()).contains("honeypot");
    }

    @Test
    void aFormFilledInUnderTheMinimumTimeIsStoredAsSuspectedSpam() {
        var bot = new Visit("198.51.100.250", LeadSource.DIRECT, clock.instant().minusMillis(800), null);

        var lead = stored(intake.submit(plan(), bot));

        assertThat(lead.isSuspectedSpam()).isTrue();
        assertThat(lead.getSpamReason()).isEqualTo("form filled in 800 ms");
    }

    @Test
    void theSixthSubmissionFromOneAddressWithinTenMinutesIsRateLimited() {
        var address = "203.0.113.77";
        for (int i = 0; i < 5; i++) {
            var accepted = intake.submit(
                    consultation(),
                    new Visit(address, LeadSource.DIRECT, clock.instant().minusSeconds(30), null));
            assertThat(accepted).isInstanceOf(SubmissionResult.Accepted.class);
        }
        long before = leads.count();

        var limited = intake.submit(
                consultation(),
                new Visit(address, LeadSource.DIRECT, clock.instant().minusSeconds(30), null));

        assertThat(limited).isInstanceOf(SubmissionResult.RateLimited.class);
        assertThat(((SubmissionResult.RateLimited) limited).retryAfter())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(leads.count()).isEqualTo(before);
        var otherVisitor = intake.submit(consultation(), visit());
        assertThat(otherVisitor).isInstanceOf(SubmissionResult.Accepted.class);
    }

    @Test
    void anAddressOverItsLimitIsRefusedUntilItsWindowEndsAndThenTakenAgain() {
        var address = "2001:db8:77:" + Integer.toHexString(addresses.incrementAndGet()) + "::1";
        for (int i = 0; i < 5; i++) {
            assertThat(intake.submit(consultation(), new Visit(address, LeadSource.DIRECT, clock.instant(), null)))
                    .isInstanceOf(SubmissionResult.Accepted.class);
        }
        long before = leads.count();

        var refused = intake.submit(consultation(), new Visit(address, LeadSource.DIRECT, clock.instant(), null));
        clock.advance(Duration.ofMinutes(9));
        var refusedAgain = intake.submit(consultation(), new Visit(address, LeadSource.DIRECT, clock.instant(), null));
        long afterRefusals = leads.count();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        var windowOver = intake.submit(consultation(), new Visit(address, LeadSource.DIRECT, clock.instant(), null));

        assertThat(refused).isInstanceOf(SubmissionResult.RateLimited.class);
        assertThat(((SubmissionResult.RateLimited) refusedAgain).retryAfter())
                .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        assertThat(afterRefusals).isEqualTo(before);
        assertThat(windowOver).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(leads.count()).isEqualTo(before + 1);
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareOneAllowance() {
        var network = "2001:db8:" + Integer.toHexString(addresses.incrementAndGet()) + ":1:";
        for (int i = 1; i <= 5; i++) {
            var accepted = intake.submit(
                    consultation(),
                    new Visit(
                            network + "0:0:0:" + i,
                            LeadSource.DIRECT,
                            clock.instant().minusSeconds(30),
                            null));
            assertThat(accepted).isInstanceOf(SubmissionResult.Accepted.class);
        }

        var sameNetwork = intake.submit(
                consultation(),
                new Visit(
                        network + "abcd:ef01:2345:6789",
                        LeadSource.DIRECT,
                        clock.instant().minusSeconds(30),
                        null));
        var nextNetwork = intake.submit(
                consultation(),
                new Visit(
                        network.replace(":1:", ":2:") + "0:0:0:1",
                        LeadSource.DIRECT,
                        clock.instant().minusSeconds(30),
                        null));

        assertThat(sameNetwork).isInstanceOf(SubmissionResult.RateLimited.class);
        assertThat(nextNetwork).isInstanceOf(SubmissionResult.Accepted.class);
    }

    @Test
    void theSameContentSubmittedTwiceWithinFiveMinutesIsOneLead() {
        var first = consultation();
        var again = consultation();
        again.setMessage(first.getMessage());
        again.setEmail("jose.fernandez@example.com"); // the same address, typed differently
        long before = leads.count();

        var a = (SubmissionResult.Accepted) intake.submit(first, visit());
        clock.advance(Duration.ofMinutes(4));
        var b = (SubmissionResult.Accepted) intake.submit(again, visit());

        assertThat(b.reference()).isEqualTo(a.reference());
        assertThat(b.repeated()).isTrue();
        assertThat(leads.count()).isEqualTo(before + 1);
    }

    @Test
    void theSameContentAfterTheWindowIsANewLead() {
        var first = consultation();
        var later = consultation();
        later.setMessage(first.getMessage());

        var a = (SubmissionResult.Accepted) intake.submit(first, visit());
        clock.advance(Duration.ofMinutes(6));
        var b = (SubmissionResult.Accepted) intake.submit(later, visit());

        assertThat(b.reference()).isNotEqualTo(a.reference());
        assertThat(b.repeated()).isFalse();
    }

    @Test
    void aDoubleClickFromEightThreadsAtOnceIsOneLead() throws Exception {
        var message = consultation().getMessage();
        long before = leads.count();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var results = new ArrayList<Future<SubmissionResult>>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                var request = consultation();
                request.setMessage(message);
                start.await();
                return intake.submit(request, visit());
            }));
        }
        start.countDown();
        var references = new HashSet<String>();
        for (var result : results) {
            references.add(((SubmissionResult.Accepted) result.get()).reference());
        }
        pool.shutdown();

        assertThat(references).hasSize(1);
        assertThat(leads.count()).isEqualTo(before + 1);
    }

    @Test
    void attributionFromTheUrlIsCutToTheColumnSizeAndKeptSingleLine() {
        var longCampaign = "c".repeat(500);
        var lead = stored(intake.submit(
                consultation(),
                visit(new LeadSource("news\r\nletter", null, longCampaign, null, null, null, "/book"))));

        assertThat(lead.getSource().utmSource()).isEqualTo("news letter");
        assertThat(lead.getSource().utmCampaign()).hasSize(200);
    }
}
