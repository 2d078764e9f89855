package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The rate limit is counted in the transaction that stores the lead: submissions that arrive at the
 * same moment from one address (the first of them creating the address's row) are each counted
 * once, so exactly the allowance is stored, and nobody under the allowance is refused.
 */
@IntegrationTest // the default allowance, 5 in 10 minutes (checked below), in a context other classes share
class ConcurrentSubmissionsFromOneAddressTests {

    @Autowired
    IntakeProperties properties;

    @BeforeEach
    void theDefaultAllowanceApplies() {
        assertThat(properties.rateLimit())
                .as("these tests count on the default allowance")
                .isEqualTo(new IntakeProperties.RateLimit(5, Duration.ofMinutes(10)));
    }

    @Autowired
    IntakeService intake;

    @Autowired
    Leads leads;

    private List<SubmissionResult> atOnce(String address, int submissions) throws Exception {
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<SubmissionResult>>();
        for (int i = 0; i < submissions; i++) {
            var request = new ConsultationRequest();
            request.setFirstName("Ada");
            request.setLastName("Burst " + i);
            request.setEmail("ada." + UUID.randomUUID() + "@burst.example");
            request.setStack(StackLeaning.JAVA);
            request.setContactMethod(ContactMethod.EMAIL);
            request.setMessage("Submission " + i + " of a burst from one address");
            request.setConsent(true);
            var visit = new Visit(
                    address,
                    new LeadSource(null, null, null, null, null, null, null),
                    Instant.now().minusSeconds(60),
                    null);
            calls.add(() -> {
                start.await();
                return intake.submit(request, visit);
            });
        }
        var results = new ArrayList<SubmissionResult>();
        try (var pool = Executors.newFixedThreadPool(submissions)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }

    private static List<String> references(List<SubmissionResult> results) {
        return results.stream()
                .filter(SubmissionResult.Accepted.class::isInstance)
                .map(r -> ((SubmissionResult.Accepted) r).reference())
                .toList();
    }

    @Test
    void twentyAtOnceFromOneAddressStoreExactlyTheAllowance() throws Exception {
        var results = atOnce("192.0.2." + UUID.randomUUID().toString().substring(0, 4), 20);

        assertThat(results)
                .filteredOn(SubmissionResult.Accepted.class::isInstance)
                .hasSize(5);
        assertThat(results)
                .filteredOn(SubmissionResult.RateLimited.class::isInstance)
                .hasSize(15)
                .allSatisfy(r -> assertThat(((SubmissionResult.RateLimited) r).retryAfter())
                        .isBetween(Duration.ofMinutes(9), Duration.ofSeconds(601)));
        assertThat(references(results)).allSatisfy(reference -> assertThat(leads.findByReference(reference))
                .isPresent());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogTellsOfTheStoredLeadsOnlyNotOfOneRolledBackOverTheAllowance(CapturedOutput output) throws Exception {
        var address = "192.0.2." + UUID.randomUUID().toString().substring(0, 4);
        int from = output.getOut().length();
        var results = new ArrayList<SubmissionResult>();
        for (int i = 0; i < 6; i++) {
            // one after another: each stored on its own, the sixth refused after it was written
            results.addAll(atOnce(address, 1));
        }

        assertThat(results.getLast()).isInstanceOf(SubmissionResult.RateLimited.class);
        assertThat(output.getOut().substring(from).lines().filter(line -> line.contains("Lead stored")))
                .hasSize(5);
    }

    @Test
    void theAllowanceAtOnceIsNeverRefused() throws Exception {
        var results = atOnce("192.0.2." + UUID.randomUUID().toString().substring(0, 4), 5);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(SubmissionResult.Accepted.class));
        assertThat(references(results)).doesNotHaveDuplicates().allSatisfy(reference -> assertThat(
                        leads.findByReference(reference))
                .isPresent());
    }
}
