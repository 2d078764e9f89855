package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import com.stackdesk.lead.internal.Leads;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "stackdesk.intake.min-fill-time=0s")
class DevelopmentPlanViewTests extends SpringBrowserlessTest {

    @Autowired
    Leads leads;

    @Test
    void submittingThePlanFormStoresEveryField() {
        var view = navigate(DevelopmentPlanView.class);
        var description = "A B2B ordering portal " + UUID.randomUUID();
        test(view.firstName).setValue("李");
        test(view.lastName).setValue("雷");
        test(view.email).setValue("li.lei@cafe.example");
        test(view.company).setValue("Café Oliveira");
        test(view.stack).selectItem("Not sure yet");
        test(view.projectType).selectItem("Web application");
        test(view.description).setValue(description);
        test(view.budget).selectItem("$10k – $50k");
        test(view.timeline).selectItem("Within 3 months");
        test(view.teamSize).selectItem("2 – 10 people");
        test(view.consent).click();

        test(view.submit).click();

        var thanks = find(ThankYouView.class).single();
        var reference = thanks.reference.getText();
        // a plan form asks for no way of contact: its thank-you page does not promise one
        assertThat(thanks.steps.getElement().getTextRecursively())
                .contains("with your plan")
                .doesNotContain("the way you asked");
        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(lead.getFirstName()).isEqualTo("李");
        assertThat(lead.getCompany()).isEqualTo("Café Oliveira");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.NOT_SURE);
        assertThat(lead.getProjectType()).isEqualTo(ProjectType.WEB_APPLICATION);
        assertThat(lead.getMessage()).isEqualTo(description);
        assertThat(lead.getBudget()).isEqualTo(BudgetRange.FROM_10K_TO_50K);
        assertThat(lead.getTimeline()).isEqualTo(Timeline.WITHIN_3_MONTHS);
        assertThat(lead.getTeamSize()).isEqualTo(TeamSize.FROM_2_TO_10);
    }

    @Test
    void missingPlanFieldsAreFlaggedAndNothingIsStored() {
        long before = leads.count();
        var view = navigate(DevelopmentPlanView.class);
        test(view.firstName).setValue("Ana");

        test(view.submit).click();

        assertThat(view.firstName.isInvalid()).isFalse();
        assertThat(view.company.isInvalid()).isTrue();
        assertThat(view.projectType.isInvalid()).isTrue();
        assertThat(view.description.isInvalid()).isTrue();
        assertThat(view.budget.isInvalid()).isTrue();
        assertThat(view.timeline.isInvalid()).isTrue();
        assertThat(view.teamSize.isInvalid()).isTrue();
        assertThat(leads.count()).isEqualTo(before);
    }
}
