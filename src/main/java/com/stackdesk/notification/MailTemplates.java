package com.stackdesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.util.PatternSpec;

/**
 * Renders emails from Thymeleaf templates ({@code <kind>.html} and {@code <kind>.txt}) and their
 * subjects from {@code messages.properties}. An operator's copy under {@code config/templates/mail/}
 * wins over the built-in one in {@code templates/mail/}. HTML templates escape every value.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine = new TemplateEngine();
    private final ReloadableResourceBundleMessageSource subjects = new ReloadableResourceBundleMessageSource();
    private final MailBranding branding;
    private final String consultancyName;

    MailTemplates(
            NotificationProperties properties,
            MailBranding branding,
            @Value("${stackdesk.consultancy-name:Northwind Software}") String consultancyName) {
        this.branding = branding;
        this.consultancyName = consultancyName;
        var dir = properties.templatesDir().endsWith("/") ? properties.templatesDir() : properties.templatesDir() + "/";
        var operator = new FileTemplateResolver();
        operator.setPrefix(dir);
        operator.setCheckExistence(true);
        operator.setCacheable(false);
        operator.setOrder(1);
        configure(operator.getHtmlTemplateModePatternSpec(), operator.getTextTemplateModePatternSpec());
        operator.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var builtIn = new ClassLoaderTemplateResolver();
        builtIn.setPrefix("templates/mail/");
        builtIn.setCheckExistence(true);
        builtIn.setOrder(2);
        configure(builtIn.getHtmlTemplateModePatternSpec(), builtIn.getTextTemplateModePatternSpec());
        builtIn.setCharacterEncoding(StandardCharsets.UTF_8.name());
        operator.setTemplateMode(TemplateMode.HTML);
        builtIn.setTemplateMode(TemplateMode.HTML);
        engine.addTemplateResolver(operator);
        engine.addTemplateResolver(builtIn);

        subjects.setBasenames("file:" + dir + "messages", "classpath:templates/mail/messages");
        subjects.setDefaultEncoding(StandardCharsets.UTF_8.name());
        subjects.setFallbackToSystemLocale(false);
    }

    private static void configure(PatternSpec html, PatternSpec text) {
        html.addPattern("*.html");
        text.addPattern("*.txt");
    }

    /** The subject {@code key} from the messages file, with the arguments made single-line. */
    String subject(String key, Object... args) {
        var clean = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            clean[i] = Headers.oneLine(String.valueOf(args[i]), 120);
        }
        return Headers.oneLine(subjects.getMessage(key, clean, Locale.ROOT), 300);
    }

    /** A line of the messages file as it is ({@code call-invitation.visitor}). */
    String message(String key) {
        return subjects.getMessage(key, null, Locale.ROOT);
    }

    /**
     * The text and HTML bodies of {@code template} with these variables and the branding's ({@code
     * consultancyName}, {@code brandColor}, {@code buttonStyle}, {@code logoUrl}, {@code footer}),
     * which every HTML template gets through {@code layout.html}.
     */
    Bodies bodies(String template, Map<String, Object> variables) {
        var all = new java.util.HashMap<String, Object>(variables);
        all.put("consultancyName", consultancyName);
        all.put("brandColor", branding.primaryColor());
        all.put("buttonStyle", branding.buttonStyle());
        all.put("logoUrl", branding.logoUrl());
        all.put("footer", branding.footer());
        var context = new Context(Locale.ROOT, all);
        return new Bodies(engine.process(template + ".txt", context), engine.process(template + ".html", context));
    }

    record Bodies(String text, String html) {}
}
