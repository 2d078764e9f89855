package com.stackdesk.demo;

import com.stackdesk.intake.EmbeddableForms;
import com.stackdesk.intake.IntakeProperties;
import com.stackdesk.lead.LeadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * A small demo of a consultancy's own website, in the demo run: an article with the consultation
 * form in its sidebar and the development-plan form below it, embedded exactly as an admin's
 * snippet embeds them on another site (plain HTML, {@code /embed/forms.css}, {@code
 * /embed/forms.js}), and a slot for the stack assistant. Plain server-rendered HTML, no Vaadin.
 */
@Controller
@Profile("demo")
class DemoSite {

    private final String article;
    private final String privacy;

    DemoSite(
            EmbeddableForms forms,
            IntakeProperties intake,
            @Value("${stackdesk.consultancy-name}") String consultancyName) {
        var name = HtmlUtils.htmlEscape(consultancyName);
        this.article = read("demo/choosing-a-backend-stack.html")
                .replace("{{consultation-form}}", forms.form(LeadKind.CONSULTATION, "", Map.of(), Map.of(), null))
                .replace("{{plan-form}}", forms.form(LeadKind.DEVELOPMENT_PLAN, "", Map.of(), Map.of(), null))
                .replace("{{response-promise}}", HtmlUtils.htmlEscape(intake.responsePromise()))
                .replace("{{consultancy}}", name);
        this.privacy = read("demo/privacy.html").replace("{{consultancy}}", name);
    }

    @GetMapping(path = "/demo/choosing-a-backend-stack", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String article() {
        return article;
    }

    @GetMapping(path = "/demo/privacy", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String privacy() {
        return privacy;
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is part of the jar", e);
        }
    }
}
