package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "stackdesk.intake.min-fill-time=0s")
class BookConsultationViewTests extends SpringBrowserlessTest {

    @Autowired
    Leads leads;

    private void fillIn(BookConsultationView view, String message) {
        test(view.firstName).setValue("Zoë");
        test(view.lastName).setValue("Brooks");
        test(view.email).setValue("zoe@brooks.example");
        test(view.phone).setValue("+44 20 7946 0000");
        test(view.company).setValue("Brooks & Co");
        test(view.stack).selectItem("Ruby");
        test(view.contactMethod).selectItem("Phone call");
        test(view.message).setValue(message);
        test(view.consent).click();
    }

    @Test
    void submittingTheFormStoresTheLeadAndShowsItsReference() {
        var view = navigate(BookConsultationView.class);
        var message = "Help with our Rails upgrade " + UUID.randomUUID();
        fillIn(view, message);

        test(view.submit).click();

        var thanks = find(ThankYouView.class).single();
        var reference = thanks.reference.getText();
        assertThat(reference).matches("SD-[0-9A-Z]{6}");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("thank-you/" + reference);
        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(lead.getFirstName()).isEqualTo("Zoë");
        assertThat(lead.getCompany()).isEqualTo("Brooks & Co");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.RUBY);
        assertThat(lead.getContactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(lead.getMessage()).isEqualTo(message);
        assertThat(lead.isSuspectedSpam()).isFalse();
    }

    @Test
    void anEmptyFormShowsAMessageOnEveryRequiredFieldAndStoresNothing() {
        long before = leads.count();
        var view = navigate(BookConsultationView.class);
        test(view.contactMethod).selectItem("Email");

        test(view.submit).click();

        assertThat(view.firstName.isInvalid()).isTrue();
        assertThat(view.firstName.getErrorMessage()).isEqualTo("Enter your first name");
        assertThat(view.lastName.isInvalid()).isTrue();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.stack.isInvalid()).isTrue();
        assertThat(view.message.isInvalid()).isTrue();
        assertThat(view.consent.isInvalid()).isTrue();
        assertThat(view.phone.isInvalid()).isFalse();
        assertThat(view.formError.isVisible()).isTrue();
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(leads.count()).isEqualTo(before);
        assertThat(find(BookConsultationView.class).single()).isSameAs(view);
    }

    @Test
    void aBadEmailIsFlaggedOnItsField() {
        long before = leads.count();
        var view = navigate(BookConsultationView.class);
        fillIn(view, "Anything " + UUID.randomUUID());
        test(view.email).setValue("zoe@brooks");

        test(view.submit).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).contains("name@company.com");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void submittingTwiceGivesTheSameReference() {
        var message = "Twice " + UUID.randomUUID();
        var first = navigate(BookConsultationView.class);
        fillIn(first, message);
        test(first.submit).click();
        var firstReference = find(ThankYouView.class).single().reference.getText();
        long after = leads.count();

        var second = navigate(BookConsultationView.class);
        fillIn(second, message);
        test(second.submit).click();

        assertThat(find(ThankYouView.class).single().reference.getText()).isEqualTo(firstReference);
        assertThat(leads.count()).isEqualTo(after);
    }
}
