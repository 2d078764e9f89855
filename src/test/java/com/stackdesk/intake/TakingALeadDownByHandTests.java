package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** A rep or manager adds a lead from a phone call: the intake rules apply, the checks against bots do not. */
@IntegrationTest
class TakingALeadDownByHandTests {

    @Autowired
    ApplicationContext app;

    @Autowired
    IntakeService intake;

    @Autowired
    Leads leads;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staff;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private static ConsultationRequest call(String email) {
        var r = new ConsultationRequest();
        r.setFirstName("Ingrid");
        r.setLastName("Solberg");
        r.setEmail(email);
        r.setPhone("+47 912 34 567");
        r.setCompany("Fjord Logistik GmbH");
        r.setStack(StackLeaning.JAVA);
        r.setContactMethod(ContactMethod.PHONE);
        r.setMessage("Called about a Java migration.");
        r.setConsent(true);
        return r;
    }

    @Test
    void aPhoneCallBecomesARoutedLeadWithItsSourceAndWhoTookItDown() {
        var team = TestStaff.team(staff, "x");
        SignIn.as(app, team.ana().getUsername());
        var email = "ingrid." + UUID.randomUUID().toString().substring(0, 8) + "@fjord.example";

        var result = intake.registerByHand(call(email), IntakeService.Channel.PHONE);

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        var reference = ((SubmissionResult.Accepted) result).reference();
        var lead = leads.findByReference(reference).orElseThrow();
        // filled in at once, no honeypot: a person typed it, not a bot
        assertThat(lead.isSuspectedSpam()).isFalse();
        assertThat(lead.getSourceLabel()).isEqualTo("phone");
        assertThat(lead.getCompany()).isEqualTo("Fjord Logistik GmbH");
        assertThat(AwaitRouting.routed(leads, lead.getId()).isRoutingPending()).isFalse();
        assertThat(timeline.of(lead.getId())).anySatisfy(a -> {
            assertThat(a.getType()).isEqualTo(ActivityType.NOTE);
            assertThat(a.getActor()).isEqualTo(team.ana().getUsername());
            assertThat(a.getText()).isEqualTo("Entered by " + team.ana().getFullName() + " (phone call)");
        });

        var again = intake.registerByHand(call(email), IntakeService.Channel.PHONE);
        assertThat(again).isEqualTo(new SubmissionResult.Accepted(reference, true));
    }

    @Test
    void theFieldRulesApplyAndNothingIsStoredOnAMistake() {
        var team = TestStaff.team(staff, "x");
        SignIn.as(app, team.maria().getUsername());
        long before = leads.count();
        var request = call("not an address");
        request.setFirstName(" ");

        var result = intake.registerByHand(request, IntakeService.Channel.MANUAL);

        assertThat(result).isInstanceOf(SubmissionResult.Invalid.class);
        assertThat(((SubmissionResult.Invalid) result).fieldErrors()).containsKeys("firstName", "email");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void onlySignedInStaffEnterLeadsByHand() {
        assertThatThrownBy(() -> intake.registerByHand(call("x@y.example"), IntakeService.Channel.PHONE))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
