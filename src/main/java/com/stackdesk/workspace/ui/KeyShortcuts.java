package com.stackdesk.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Single-key shortcuts of a workspace page (j, k, c, /, ?), listening on the whole page while the
 * component is attached. Unlike Flow's {@code Shortcuts.addShortcutListener}, which fires wherever
 * the key is pressed, these never fire while the user types in a field (input, text area, select,
 * an editable element) or has a dialog open, nor with Ctrl, Alt or Meta held: the browser's filter
 * decides before anything reaches the server. Each key's description feeds the help overlay.
 */
final class KeyShortcuts {

    /** A key's action and what the help overlay says about it. */
    record Shortcut(String keys, String description, Runnable action) {}

    private final Map<String, Shortcut> byKey = new LinkedHashMap<>();
    private final Map<String, Shortcut> shown = new LinkedHashMap<>();
    private @Nullable Registration registration;

    /** Adds a shortcut for each of {@code keys} (the KeyboardEvent.key values, e.g. "j", "?"). */
    KeyShortcuts add(String description, Runnable action, String... keys) {
        var shortcut = new Shortcut(String.join(" or ", keys), description, action);
        for (var key : keys) {
            byKey.put(key, shortcut);
        }
        shown.put(shortcut.keys(), shortcut);
        return this;
    }

    /** Runs the action of {@code key}, as pressing it does; false when the key has none. */
    boolean press(String key) {
        var shortcut = byKey.get(key);
        if (shortcut == null) {
            return false;
        }
        shortcut.action().run();
        return true;
    }

    /** Listens on the page while {@code owner} is attached. */
    void bindTo(Component owner) {
        owner.addAttachListener(e -> listen(e.getUI()));
        owner.addDetachListener(e -> unbind());
        owner.getUI().ifPresent(this::listen);
    }

    private void listen(UI ui) {
        unbind();
        var keys = byKey.keySet().stream()
                .map(k -> "'" + k.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(","));
        registration = ui.getElement()
                .addEventListener(
                        "keydown",
                        event -> press(event.getEventData().get("event.key").asString()))
                .addEventData("event.key")
                .setFilter(FILTER.formatted(keys));
    }

    /**
     * Runs in the browser on every keydown: true (and the browser's default prevented) only for one
     * of the keys, pressed outside fields and dialogs without Ctrl, Alt or Meta. Escape in a field
     * leaves the field, so the single keys work again; that never reaches the server.
     */
    private static final String FILTER = """
            (() => {
              const inField = event.composedPath().some(n => n.localName && (['input', 'textarea', 'select']
                  .includes(n.localName) || n.isContentEditable));
              const dialogOpen = !!document.querySelector('vaadin-dialog[opened]');
              if (event.key === 'Escape' && inField && !dialogOpen && document.activeElement) {
                document.activeElement.blur();
                return false;
              }
              if (![%s].includes(event.key) || event.ctrlKey || event.altKey || event.metaKey
                  || event.isComposing || inField || dialogOpen) {
                return false;
              }
              event.preventDefault();
              return true;
            })()""";

    private void unbind() {
        if (registration != null) {
            registration.remove();
            registration = null;
        }
    }

    /** The help overlay: every shortcut and what it does, plus the composer's keys. */
    Dialog helpDialog(Map<String, String> alsoShow) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        var list = new DescriptionList();
        list.addClassName("sd-shortcut-list");
        shown.values()
                .forEach(s -> list.add(
                        new DescriptionList.Term(keysOf(s.keys())), new DescriptionList.Description(s.description())));
        alsoShow.forEach((keys, description) ->
                list.add(new DescriptionList.Term(keysOf(keys)), new DescriptionList.Description(description)));
        var note = new Paragraph("Single keys work when no field has the focus; press Esc to leave a field.");
        note.addClassName("sd-muted");
        dialog.add(list, note);
        var close = new Button("Close", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        return dialog;
    }

    private static Component keysOf(String keys) {
        var term = new com.vaadin.flow.component.html.Span();
        var parts = keys.split(" or ");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                term.add(new com.vaadin.flow.component.html.Span(" or "));
            }
            var kbd = new com.vaadin.flow.component.html.Span(parts[i]);
            kbd.getElement().setAttribute("class", "sd-kbd");
            term.add(kbd);
        }
        return term;
    }
}
