package com.stackdesk.intake.ui;

import com.stackdesk.lead.LeadSource;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * First-touch attribution: the UTM parameters, referrer and address of the first page a visitor
 * opened in this browser session, kept until they submit a form.
 */
final class FirstTouch {

    private final LeadSource fromUrl;
    private volatile @Nullable String referrer;

    private FirstTouch(LeadSource fromUrl) {
        this.fromUrl = fromUrl;
    }

    /** Remembers the page unless the session already has its first touch; returns whether it was the first. */
    static boolean recordIfFirst(VaadinSession session, Location location, @Nullable String pageAddress) {
        if (session.getAttribute(FirstTouch.class) != null) {
            return false;
        }
        var query = location.getQueryParameters().getParameters();
        var source = new LeadSource(
                first(query.get("utm_source")),
                first(query.get("utm_medium")),
                first(query.get("utm_campaign")),
                first(query.get("utm_term")),
                first(query.get("utm_content")),
                null,
                pageAddress != null ? pageAddress : "/" + location.getPathWithQueryParameters());
        session.setAttribute(FirstTouch.class, new FirstTouch(source));
        return true;
    }

    /** The browser tells the referrer only after the page loaded. */
    static void recordReferrer(VaadinSession session, @Nullable String referrer) {
        var touch = session.getAttribute(FirstTouch.class);
        if (touch != null && referrer != null && !referrer.isBlank()) {
            touch.referrer = referrer;
        }
    }

    static LeadSource of(VaadinSession session) {
        var touch = session.getAttribute(FirstTouch.class);
        if (touch == null) {
            return LeadSource.DIRECT;
        }
        var s = touch.fromUrl;
        return new LeadSource(
                s.utmSource(),
                s.utmMedium(),
                s.utmCampaign(),
                s.utmTerm(),
                s.utmContent(),
                touch.referrer,
                s.landingPage());
    }

    private static @Nullable String first(@Nullable List<String> values) {
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }
}
