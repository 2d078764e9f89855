package com.stackdesk.workspace.ui;

import com.stackdesk.workspace.SavedView;
import com.stackdesk.workspace.SavedViewRefused;
import com.stackdesk.workspace.SavedViews;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the grid's current filters and sort under a name, and renames or deletes the person's
 * views; the side navigation lists them (see {@link SavedViewLinks}).
 */
class SavedViewsDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Button save = new Button("Save view");
    final Div mine = new Div();
    /** One row per own view: its name field, rename and delete. */
    final List<Row> rows = new ArrayList<>();

    private final SavedViews views;
    private final String query;
    private final Runnable changed;

    record Row(SavedView view, TextField name, Button rename, Button delete) {}

    SavedViewsDialog(SavedViews views, String query, Runnable changed) {
        this.views = views;
        this.query = query;
        this.changed = changed;
        setHeaderTitle("Saved views");
        addClassName("sd-views-dialog");

        name.setPlaceholder("My new Go leads");
        name.setMaxLength(SavedViews.NAME_LIMIT);
        name.setWidthFull();
        name.setHelperText(
                query.isEmpty()
                        ? "All leads, newest first"
                        : "Filters and order: "
                                + java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("&", ", "));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> save());
        var saveRow = new Div(name, save);
        saveRow.addClassName("sd-row");

        var close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close);

        mine.addClassName("sd-views-list");
        add(new H3("Save the current list"), saveRow, new H3("Your views"), mine);
        showMine();
        setWidth("34rem");
        setMaxWidth("100vw");
    }

    private void save() {
        try {
            var saved = views.save(name.getValue(), query);
            name.clear();
            name.setInvalid(false);
            showMine();
            changed.run();
            com.vaadin.flow.component.notification.Notification.show(
                    "Saved \u201c" + saved.name() + "\u201d: it is under Leads in the menu.",
                    4000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
        } catch (SavedViewRefused refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
    }

    private void showMine() {
        mine.removeAll();
        rows.clear();
        var own = views.mine();
        if (own.isEmpty()) {
            mine.add(new Paragraph("None yet. Built-in views for every rep are under Leads in the menu."));
            return;
        }
        for (var view : own) {
            var field = new TextField();
            field.setValue(view.name());
            field.setAriaLabel("Name of " + view.name());
            field.setMaxLength(SavedViews.NAME_LIMIT);
            var rename = new Button("Rename", VaadinIcon.EDIT.create());
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            rename.addClickListener(e -> {
                try {
                    views.rename(java.util.Objects.requireNonNull(view.id()), field.getValue());
                    showMine();
                    changed.run();
                } catch (SavedViewRefused refused) {
                    field.setErrorMessage(refused.getMessage());
                    field.setInvalid(true);
                }
            });
            var delete = new Button("Delete", VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete " + view.name());
            delete.addClickListener(e -> {
                views.delete(java.util.Objects.requireNonNull(view.id()));
                showMine();
                changed.run();
            });
            var row = new Div(field, rename, delete);
            row.addClassName("sd-row");
            mine.add(row);
            rows.add(new Row(view, field, rename, delete));
        }
    }
}
