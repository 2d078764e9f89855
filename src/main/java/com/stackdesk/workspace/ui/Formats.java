package com.stackdesk.workspace.ui;

import com.stackdesk.lead.LeadStatus;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** How the workspace shows statuses, the same on every view (times and durations: {@link com.stackdesk.base.Times}). */
final class Formats {

    private Formats() {}

    static Span statusBadge(LeadStatus status) {
        var badge = new Span(status.label());
        badge.addClassNames("sd-badge", "status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.addClassNames("sd-badge", variant);
        return badge;
    }
}
