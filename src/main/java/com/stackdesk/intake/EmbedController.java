package com.stackdesk.intake;

import com.stackdesk.lead.LeadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Stackdesk serves for the forms on other sites: the script (with the server's rules filled
 * in, so browser and server check the same), each form on a page of its own, and the thank-you
 * page a form posted without JavaScript leads to. The stylesheet is a static file,
 * {@code /embed/forms.css}. Nothing here sets a cookie.
 */
@Controller
class EmbedController {

    private final String script;
    private final EmbedPages pages;

    EmbedController(IntakeFields fields, EmbedPages pages) {
        this.pages = pages;
        var json = JsonMapper.builder().build();
        var thanks = new LinkedHashMap<String, Object>();
        for (var kind : LeadKind.values()) {
            thanks.put(kind.name(), Map.of("title", "Thank you, your request is in", "steps", fields.nextSteps(kind)));
        }
        try {
            var template = new ClassPathResource("embed/forms.js").getContentAsString(StandardCharsets.UTF_8);
            this.script = template.replace("/*RULES*/{}", json.writeValueAsString(fields.browserRules()))
                    .replace("/*EMAIL*/{}", json.writeValueAsString(fields.emailPatterns()))
                    .replace("/*THANKS*/{}", json.writeValueAsString(thanks));
        } catch (IOException e) {
            throw new UncheckedIOException("embed/forms.js is part of the jar", e);
        }
    }

    @GetMapping(path = "/embed/forms.js", produces = "text/javascript;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> script() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(script);
    }

    @GetMapping(
            path = {"/embed/consultation", "/embed/development-plan"},
            produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String formPage(jakarta.servlet.http.HttpServletRequest request) {
        var kind =
                request.getRequestURI().endsWith("/consultation") ? LeadKind.CONSULTATION : LeadKind.DEVELOPMENT_PLAN;
        return pages.formPage(kind, Map.of(), Map.of(), null);
    }

    @GetMapping(path = "/embed/thank-you/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> thankYou(
            @PathVariable String reference, @RequestParam(name = "kind", defaultValue = "CONSULTATION") String kind) {
        if (!reference.matches("SD-[0-9A-Z]{6}")) {
            return ResponseEntity.notFound().build();
        }
        var leadKind = "DEVELOPMENT_PLAN".equals(kind) ? LeadKind.DEVELOPMENT_PLAN : LeadKind.CONSULTATION;
        return ResponseEntity.ok(pages.thankYouPage(reference, leadKind));
    }
}
