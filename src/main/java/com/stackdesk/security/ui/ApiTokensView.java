package com.stackdesk.security.ui;

import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.security.ApiToken;
import com.stackdesk.security.ApiTokens;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a staff member creates and revokes personal API tokens for scripts (CSV export, lead lookups). */
@Route(value = "account/api-tokens", layout = MainLayout.class)
@PageTitle("API tokens")
@PermitAll
class ApiTokensView extends Div {

    final TextField name = new TextField("Token name");
    final Button create = new Button("Create token");
    final Pre newToken = new Pre();
    final Grid<ApiToken> grid = new Grid<>();

    private final ApiTokens tokens;
    private final java.time.ZoneId zone;

    ApiTokensView(ApiTokens tokens, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.tokens = tokens;
        addClassName("sd-page");
        name.setPlaceholder("e.g. Weekly export script");
        name.setMaxLength(100);
        // room for the placeholder; the stylesheet keeps it within a phone's width
        name.setWidth("18rem");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createToken());
        newToken.addClassName("sd-new-token");
        newToken.setVisible(false);

        grid.addColumn(ApiToken::getName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.getTokenHint() + "…").setHeader("Starts with");
        grid.addColumn(t -> Times.dateTime(t.getCreatedAt(), zone)).setHeader("Created");
        grid.addColumn(t -> t.getLastUsedAt() == null ? "never" : Times.dateTime(t.getLastUsedAt(), zone))
                .setHeader("Last used");
        grid.addComponentColumn(this::revokeButton).setHeader("Status");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No token yet.");

        var form = new HorizontalLayout(name, create);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        add(
                new H1("API tokens"),
                new Paragraph("A token lets a script act as you over the HTTP API, for example "
                        + "curl -H \"Authorization: Bearer sdk_…\" /api/leads/export.csv. "
                        + "It has your rights, is shown only once, and stops working when you revoke it."),
                form,
                newToken,
                grid);
        refresh();
    }

    private void createToken() {
        var token = tokens.create(name.getValue());
        newToken.setText("Copy your new token now; it is not shown again:\n" + token);
        newToken.setVisible(true);
        name.clear();
        refresh();
    }

    private com.vaadin.flow.component.Component revokeButton(ApiToken token) {
        if (!token.isActive()) {
            return new Paragraph("Revoked");
        }
        var revoke = new Button("Revoke", e -> {
            tokens.revoke(token.getId());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setAriaLabel("Revoke " + token.getName());
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }
}
