package com.stackdesk.intake.ui;

import com.stackdesk.intake.IntakeFields;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.lead.LeadKind;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public pages' HTML as the server first sends it, before Vaadin starts: the page's title and
 * a meta description (for search engines and link previews), and the page's frame (the header,
 * heading and introduction) for the visitor to read while Vaadin loads, instead of a blank page.
 * The frame hides itself as soon as Vaadin shows the page ({@code styles.css}).
 */
@Component
class PublicPageHead implements VaadinServiceInitListener {

    /** What the server writes into one public page. */
    record Head(String title, String description, String heading, String intro) {}

    private final Map<String, Head> pages;
    private final String consultancyName;

    PublicPageHead(
            IntakeFields fields,
            IntakeProperties properties,
            @Value("${stackdesk.consultancy-name}") String consultancyName) {
        this.consultancyName = consultancyName;
        this.pages = Map.of(
                "/",
                new Head(
                        title(LandingView.class),
                        consultancyName + " builds and rescues backends in Node.js, Python, Go, Java, PHP and Ruby."
                                + " Book a free consultation or get a custom development plan for your project.",
                        LandingView.HEADLINE,
                        LandingView.pitch(consultancyName, properties)),
                "/book",
                new Head(
                        title(BookConsultationView.class),
                        "Book a free 30-minute call with an engineer who knows your backend stack: Node.js, Python,"
                                + " Go, Java, PHP or Ruby. We confirm a time " + properties.responsePromise() + ".",
                        fields.title(LeadKind.CONSULTATION),
                        fields.intro(LeadKind.CONSULTATION)),
                "/plan",
                new Head(
                        title(DevelopmentPlanView.class),
                        "Describe your project and get a development plan with scope, milestones, team and budget"
                                + " from a specialist in your backend stack, " + properties.responsePromise() + ".",
                        fields.title(LeadKind.DEVELOPMENT_PLAN),
                        fields.intro(LeadKind.DEVELOPMENT_PLAN)));
    }

    private static String title(Class<?> view) {
        return view.getAnnotation(PageTitle.class).value();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            var path = response.getVaadinRequest().getPathInfo();
            var head = pages.get(path == null || path.isEmpty() ? "/" : path);
            if (head == null) {
                return;
            }
            var document = response.getDocument();
            document.title(head.title());
            document.head().appendElement("meta").attr("name", "description").attr("content", head.description());
            document.body().prependChild(frame(head));
        });
    }

    /** The same classes as {@link PublicLayout}, so the frame looks like the page that replaces it. */
    private Element frame(Head head) {
        var frame = new Element("div").addClass("sd-public").addClass("sd-prerender");
        var header = frame.appendElement("header").addClass("sd-public-header");
        header.appendElement("a").addClass("sd-brand").attr("href", "/").text(consultancyName);
        var nav = header.appendElement("nav").addClass("sd-public-nav").attr("aria-label", "Main");
        nav.appendElement("a").attr("href", "/book").text("Book a consultation");
        nav.appendElement("a").attr("href", "/plan").text("Development plan");
        var main = frame.appendElement("main").addClass("sd-public-main");
        var content = main.appendElement("div").addClass("sd-prerender-content");
        content.appendElement("h1").text(head.heading());
        content.appendElement("p").addClass("sd-intro").text(head.intro());
        return frame;
    }
}
