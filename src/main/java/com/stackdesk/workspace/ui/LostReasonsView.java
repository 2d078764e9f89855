package com.stackdesk.workspace.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.lead.LostReasons;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The list reps choose from when a lead is lost: add a reason, take one off, change the order.
 * "Other" (with the rep's own words) is always offered and not part of the list. A refused entry
 * is explained at the field and changes nothing.
 */
@Route(value = "admin/lost-reasons", layout = MainLayout.class)
@PageTitle("Lost reasons")
@RolesAllowed({"MANAGER", "ADMIN"})
class LostReasonsView extends Main {

    final OrderedList reasons = new OrderedList();
    final TextField newReason = new TextField("New reason");
    final Button add = new Button("Add reason", VaadinIcon.PLUS.create());

    private final LostReasons lostReasons;

    LostReasonsView(LostReasons lostReasons) {
        this.lostReasons = lostReasons;
        addClassName("sd-page");
        var intro = new Paragraph("What a rep chooses from when a lead is lost, in this order. \u201c"
                + LostReasons.OTHER + "\u201d, with the rep's own words, is always offered as well. Leads keep the"
                + " reason they were lost with when it leaves the list; the dashboard counts lost leads per reason.");
        intro.addClassName("sd-muted");
        reasons.addClassName("sd-lost-reasons");
        newReason.setMaxLength(LostReasons.MAX_LABEL);
        newReason.setPlaceholder("e.g. Went in-house");
        newReason.addValueChangeListener(e -> newReason.setInvalid(false));
        add.addClickListener(e -> add());
        add.addClickShortcut(Key.ENTER).listenOn(newReason);
        var row = new Div(newReason, add);
        row.addClassName("sd-row");
        add(new H1("Lost reasons"), intro, reasons, row);
        show();
    }

    private void add() {
        try {
            lostReasons.add(newReason.getValue());
            newReason.clear();
            show();
        } catch (IllegalArgumentException e) {
            newReason.setErrorMessage(e.getMessage());
            newReason.setInvalid(true);
        }
    }

    private void show() {
        reasons.removeAll();
        var labels = lostReasons.labels();
        for (int i = 0; i < labels.size(); i++) {
            var label = labels.get(i);
            var up = iconButton(VaadinIcon.ARROW_UP, "Move " + label + " up", () -> lostReasons.move(label, true));
            up.setEnabled(i > 0);
            var down =
                    iconButton(VaadinIcon.ARROW_DOWN, "Move " + label + " down", () -> lostReasons.move(label, false));
            down.setEnabled(i < labels.size() - 1);
            var remove = iconButton(VaadinIcon.TRASH, "Remove " + label, () -> lostReasons.remove(label));
            var text = new Span(label);
            text.addClassName("sd-lost-reason-label");
            reasons.add(new ListItem(text, up, down, remove));
        }
        var other = new Span(LostReasons.OTHER + " (the rep's own words)");
        other.addClassName("sd-muted");
        reasons.add(new ListItem(other));
    }

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
        var button = new Button(icon.create(), e -> {
            action.run();
            show();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
