package com.stackdesk.intake.ui;

import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.analytics.TrackedForm;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.intake.DevelopmentPlanRequest;
import com.stackdesk.intake.IntakeFields;
import com.stackdesk.intake.IntakeMetrics;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.List;

/** "Custom Development Plan": the visitor describes a project and gets a plan with scope and budget. */
@Route(value = "plan", layout = PublicLayout.class)
@PageTitle("Get a Custom Development Plan")
@AnonymousAllowed
class DevelopmentPlanView extends LeadFormView<DevelopmentPlanRequest> {

    final TextField company = new TextField("Company");
    final ComboBox<ProjectType> projectType = new ComboBox<>();
    final TextArea description = new TextArea("What do you want built?");
    final ComboBox<BudgetRange> budget = new ComboBox<>();
    final ComboBox<Timeline> timeline = new ComboBox<>();
    final ComboBox<TeamSize> teamSize = new ComboBox<>();

    DevelopmentPlanView(
            IntakeService intake,
            IntakeMetrics metrics,
            FormAnalytics analytics,
            IntakeProperties properties,
            IntakeFields fields,
            Clock clock,
            CallBooking booking) {
        super(
                DevelopmentPlanRequest.class,
                DevelopmentPlanRequest::new,
                intake,
                metrics,
                analytics,
                TrackedForm.PLAN,
                properties,
                fields,
                clock,
                booking,
                LeadKind.DEVELOPMENT_PLAN);
        company.setAutocomplete(Autocomplete.ORGANIZATION);
        limit(company, LeadLimits.COMPANY);
        company.setRequiredIndicatorVisible(true);
        select(projectType, "Project type", ProjectType.values(), ProjectType::label);
        select(budget, "Budget range", BudgetRange.values(), BudgetRange::label);
        select(timeline, "Timeline", Timeline.values(), Timeline::label);
        select(teamSize, "Your team size", TeamSize.values(), TeamSize::label);
        limit(description, LeadLimits.MESSAGE);
        description.setRequiredIndicatorVisible(true);
        description.setPlaceholder("The product, its users, the must-have features, systems to integrate");
        layOut(List.of(company), List.of(projectType, budget, timeline, teamSize, description));
    }

    private static <T> void select(ComboBox<T> select, String label, T[] items, ItemLabelGenerator<T> labels) {
        // ComboBox rather than Select: Select's button carries aria-required, which axe rejects.
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(labels);
        select.setPlaceholder("Choose…");
        select.setAllowCustomValue(false);
        select.setRequiredIndicatorVisible(true);
    }
}
