package com.stackdesk.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * One section of a rep's Today page: a heading with a count, then one line per item with what it
 * is, when it is due and its one-click actions, or a short line when there is nothing. A new kind
 * of work for the day is one more section: {@link TodayView#sections}.
 */
class TodaySection extends Section {

    final Span count = new Span();
    final UnorderedList items = new UnorderedList();
    final Paragraph empty;

    TodaySection(String id, String title, String emptyText) {
        setId(id);
        addClassNames("sd-card", "sd-today-section");
        count.addClassName("sd-today-count");
        var heading = new H2(new Span(title), count);
        empty = new Paragraph(emptyText);
        empty.addClassName("sd-muted");
        items.addClassName("sd-today-items");
        add(heading, empty, items);
    }

    /** Shows these lines (each from {@link #line}). */
    void show(List<ListItem> lines) {
        items.removeAll();
        lines.forEach(items::add);
        count.setText(String.valueOf(lines.size()));
        empty.setVisible(lines.isEmpty());
        items.setVisible(!lines.isEmpty());
    }

    /** One item: what (a link, a name), when (a due badge, a note) and its actions. */
    static ListItem line(Component what, Component when, Component... actions) {
        var head = new Div(what, when);
        head.addClassName("sd-today-what");
        var buttons = new Div(actions);
        buttons.addClassName("sd-today-actions");
        var item = new ListItem(head, buttons);
        item.addClassName("sd-today-item");
        return item;
    }
}
