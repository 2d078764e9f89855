package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.ModuleTest;
import com.stackdesk.lead.AssigneeNames;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadSubmitted;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.notification.CallMail;
import com.stackdesk.routing.LeadRouter;
import com.stackdesk.staff.StaffLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The intake module with the modules it uses directly: the lead module it stores into and the
 * booking module its thank-you page offers call slots from (whose own neighbours are mocked), and
 * nothing else (no routing, no emails).
 */
@ModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class IntakeModuleTests {

    /** The lead module names assignees through the staff module, which is not started here. */
    @MockitoBean
    AssigneeNames names;

    /** The booking module's neighbours, not started here. */
    @MockitoBean
    StaffLookup staff;

    @MockitoBean
    LeadRouter router;

    @MockitoBean
    CallMail callMail;

    @Autowired
    IntakeService intake;

    @Autowired
    Leads leads;

    @Autowired
    Clock clock;

    @Test
    void aSubmittedConsultationIsStoredAndAnnounced(AssertablePublishedEvents events) {
        var request = new ConsultationRequest();
        request.setFirstName("Mara");
        request.setLastName("Lind");
        request.setEmail("mara@lind.example");
        request.setStack(StackLeaning.GO);
        request.setContactMethod(ContactMethod.VIDEO_CALL);
        request.setPreferredTime(LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(3)), ZoneOffset.UTC)
                .withHour(14)
                .withMinute(30)
                .truncatedTo(ChronoUnit.MINUTES));
        request.setMessage("We want to move our API to Go.");
        request.setConsent(true);
        var visit = new Visit("203.0.113.7", LeadSource.DIRECT, clock.instant().minusSeconds(60), "UTC");

        var result = intake.submit(request, visit);

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        var reference = ((SubmissionResult.Accepted) result).reference();
        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getEmail()).isEqualTo("mara@lind.example");
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.isRoutingPending()).isTrue();
        events.assertThat()
                .contains(LeadSubmitted.class)
                .matching(LeadSubmitted::reference, reference)
                .matching(LeadSubmitted::suspectedSpam, false);
    }
}
