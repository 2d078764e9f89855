package com.stackdesk.intake.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.intake.EmbeddableForms;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.security.AllowedOrigins;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where an admin copies the snippet that puts a form on the consultancy's own site, and manages the
 * sites whose pages may post leads (CORS origins, applied at the next request).
 */
@Route(value = "admin/embed", layout = MainLayout.class)
@PageTitle("Embed the forms")
@RolesAllowed("ADMIN")
class EmbedSettingsView extends Div {

    final TextArea consultationSnippet = new TextArea("Snippet: Book a Consultation");
    final TextArea planSnippet = new TextArea("Snippet: Get a Custom Development Plan");
    final TextField origin = new TextField("Site address");
    final Button add = new Button("Allow site");
    final Grid<String> origins = new Grid<>();
    final Paragraph configured = new Paragraph();

    private final AllowedOrigins allowed;

    EmbedSettingsView(EmbeddableForms forms, AllowedOrigins allowed) {
        this.allowed = allowed;
        addClassName("sd-page");
        addClassName("sd-embed-settings");
        var base = baseUrl();
        snippet(consultationSnippet, forms.snippet(LeadKind.CONSULTATION, base));
        snippet(planSnippet, forms.snippet(LeadKind.DEVELOPMENT_PLAN, base));

        origin.setPlaceholder("https://www.example.com");
        origin.setMaxLength(255);
        origin.setHelperText("The site's address as its pages open: scheme, host and port if not the default");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> allow());
        origin.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, e -> allow());
        origins.addColumn(o -> o).setHeader("Allowed site").setAutoWidth(true);
        origins.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true);
        origins.setAllRowsVisible(true);
        origins.setEmptyStateText("No site added yet: pages on other sites cannot post leads");

        var form = new HorizontalLayout(origin, add);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        add(
                new H1("Embed the forms"),
                new Paragraph("Paste a snippet where the form should appear on a page of your site. It is plain HTML "
                        + "with one stylesheet and one small script from Stackdesk: no cookies, no other requests, "
                        + "and the form works without JavaScript too. Then allow your site below, or the browser "
                        + "refuses its posts."),
                consultationSnippet,
                planSnippet,
                new H2("Theme"),
                new Paragraph("Set these CSS custom properties on the form or any element around it, e.g. "
                        + ".sidebar { --stackdesk-accent: #0f766e; }"),
                new Pre("--stackdesk-accent       buttons, focus ring, chosen options (#1d4ed8)\n"
                        + "--stackdesk-accent-text  text on the accent (#fff)\n"
                        + "--stackdesk-text         text (inherited)\n"
                        + "--stackdesk-muted        help lines (#4b5563)\n"
                        + "--stackdesk-error        messages (#b3261e)\n"
                        + "--stackdesk-border       field borders (#6b7280)\n"
                        + "--stackdesk-background   fields (#fff)\n"
                        + "--stackdesk-radius       corners (6px)\n"
                        + "--stackdesk-font         font family (inherited)\n"
                        + "--stackdesk-gap          space between fields (1rem)"),
                new H2("Sites allowed to post leads"),
                new Paragraph("A browser sends a lead from another site only when that site is listed here (CORS). "
                        + "Changes apply at the next submission."),
                form,
                origins,
                configured);
        refresh();
    }

    /** This Stackdesk as the admin opened it (through a trusted proxy: as the proxy says). */
    private static String baseUrl() {
        var request = VaadinServletRequest.getCurrent();
        return request == null
                ? ""
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                        .toUriString();
    }

    private static void snippet(TextArea area, String html) {
        area.setValue(html);
        area.setReadOnly(true);
        area.setWidthFull();
        area.setHelperText("Select all and copy; the address is this Stackdesk as you opened it");
        area.addClassName("sd-snippet");
    }

    private void allow() {
        try {
            allowed.add(origin.getValue());
            origin.clear();
            origin.setInvalid(false);
            refresh();
        } catch (AllowedOrigins.InvalidOrigin e) {
            origin.setErrorMessage(e.getMessage());
            origin.setInvalid(true);
        }
    }

    private Button removeButton(String site) {
        var remove = new Button("Remove", e -> {
            allowed.remove(site);
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel("Remove " + site);
        return remove;
    }

    private void refresh() {
        origins.setItems(allowed.stored());
        var fromConfig = allowed.configured();
        configured.setText(
                fromConfig.isEmpty()
                        ? "None set in the configuration (stackdesk.api.allowed-origins)."
                        : "Also allowed by the configuration (stackdesk.api.allowed-origins): "
                                + String.join(", ", fromConfig));
    }
}
