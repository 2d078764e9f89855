package com.stackdesk.routing.ui;

import com.stackdesk.base.Plurals;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.LeadRouter;
import com.stackdesk.routing.LeadRouter.RepStatus;
import com.stackdesk.routing.RoutingProperties;
import com.stackdesk.staff.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** The routing settings, who routing considers right now, and a "try it" preview for a stack. */
@Route(value = "admin/routing", layout = MainLayout.class)
@PageTitle("Routing")
@RolesAllowed({"MANAGER", "ADMIN"})
class RoutingSettingsView extends VerticalLayout {

    final Paragraph settings = new Paragraph();
    final Grid<RepStatus> reps = new Grid<>(RepStatus.class, false);
    final ComboBox<StackLeaning> stack = new ComboBox<>("Stack");
    final Button tryIt = new Button("Who would get it?");
    final Paragraph outcome = new Paragraph();
    final Paragraph reason = new Paragraph();

    private final LeadRouter router;

    RoutingSettingsView(LeadRouter router, RoutingProperties properties) {
        this.router = router;
        setWidthFull();
        addClassName("sd-page");
        settings.setText("Strategy: " + properties.strategy().label()
                + " · weights " + (properties.weighted() ? "count" : "ignored")
                + " · returning visitors go back to their owner within "
                + Plurals.count(properties.returningVisitorWindow().toDays(), "day") + "."
                + " Change these in config/application.properties (stackdesk.routing.*);"
                + " skills, capacity, weight and out-of-office in the staff admin.");

        reps.addColumn(RepStatus::name).setHeader("Name").setAutoWidth(true);
        reps.addColumn(r -> r.role().label())
                .setHeader("Role")
                .setAutoWidth(true)
                .setFlexGrow(0);
        reps.addColumn(r ->
                        r.skills().stream().sorted().map(StackLeaning::label).collect(Collectors.joining(", "))
                                + (r.generalist() ? (r.skills().isEmpty() ? "" : " · ") + "generalist" : ""))
                .setHeader("Skills")
                .setFlexGrow(2);
        reps.addColumn(r -> r.openLeads() + " / " + r.capacity())
                .setHeader("Open / capacity")
                .setAutoWidth(true);
        reps.addColumn(RepStatus::weight).setHeader("Weight").setAutoWidth(true).setFlexGrow(0);
        reps.addColumn(RoutingSettingsView::availability).setHeader("Now").setAutoWidth(true);
        reps.addColumn(RepStatus::turnsTaken)
                .setHeader("Turns taken")
                .setAutoWidth(true)
                .setFlexGrow(0);
        reps.setAllRowsVisible(true);

        stack.setItems(StackLeaning.values());
        stack.setItemLabelGenerator(StackLeaning::label);
        stack.setValue(StackLeaning.GO);
        tryIt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tryIt.addClickListener(e -> preview());
        var form = new HorizontalLayout(stack, tryIt);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        outcome.getStyle().set("font-weight", "600");

        add(
                new H1("Routing"),
                settings,
                new H2("Team"),
                reps,
                new H2("Try it"),
                new Paragraph("Pick a stack and see who would get a new lead now, and why. Nothing changes."),
                form,
                outcome,
                reason);
        reps.setItems(router.reps());
    }

    private static String availability(RepStatus rep) {
        if (!rep.active()) {
            return "inactive";
        }
        if (rep.role() == Role.ADMIN) {
            return "not routed (admin)";
        }
        if (rep.outOfOffice()) {
            return "out of office";
        }
        return rep.openLeads() >= rep.capacity() ? "at capacity" : "available";
    }

    void preview() {
        if (stack.getValue() == null) {
            outcome.setText("Pick a stack first.");
            reason.setText("");
            return;
        }
        var decision = router.preview(stack.getValue());
        outcome.setText(
                decision.assigned()
                        ? "→ " + decision.staffName()
                        : "→ nobody: the lead would wait in the managers' queue");
        reason.setText(decision.reason());
        reps.setItems(router.reps());
    }
}
