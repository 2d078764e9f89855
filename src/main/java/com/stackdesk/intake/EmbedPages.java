package com.stackdesk.intake;

import static com.stackdesk.intake.EmbeddableForms.escape;

import com.stackdesk.lead.LeadKind;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plain pages around the embeddable forms, for visitors without JavaScript (and anyone who
 * opens a form on its own): the form again with their answers and the server's messages, and the
 * thank-you page with the reference. Server-rendered HTML with the forms' stylesheet only.
 */
@Component
class EmbedPages {

    private final EmbeddableForms forms;
    private final IntakeFields fields;
    private final String consultancyName;

    EmbedPages(
            EmbeddableForms forms,
            IntakeFields fields,
            @Value("${stackdesk.consultancy-name}") String consultancyName) {
        this.forms = forms;
        this.fields = fields;
        this.consultancyName = consultancyName;
    }

    /** One form on a page of its own, filled with {@code values} and the messages in {@code errors}. */
    String formPage(LeadKind kind, Map<String, String> values, Map<String, String> errors, @Nullable String message) {
        var title = fields.title(kind);
        var body = "<h1>" + escape(title) + "</h1>\n"
                + (errors.isEmpty() ? "" : "<p>Your request is not sent yet: nothing you typed is lost.</p>\n")
                + forms.form(kind, "", values, errors, message)
                + "<script src=\"/embed/forms.js\" defer></script>\n";
        return page((errors.isEmpty() ? "" : "Please check your answers: ") + title, title, body);
    }

    /** After a request without JavaScript: the reference and what happens next for this kind of request. */
    String thankYouPage(String reference, LeadKind kind) {
        var steps = new StringBuilder("<ol>");
        fields.nextSteps(kind)
                .forEach(step -> steps.append("<li>").append(escape(step)).append("</li>"));
        steps.append("</ol>");
        var body = "<h1>Thank you, your request is in</h1>\n"
                + "<p class=\"sdf-reference-line\">Your reference: <strong class=\"sdf-reference\">"
                + escape(reference) + "</strong></p>\n"
                + "<p>Quote it if you write or call us about this request.</p>\n"
                + "<h2>What happens next</h2>\n" + steps + "\n"
                + "<p>You can close this page, or go back to the page you came from.</p>\n";
        return page("Thank you: your request is in", "Your request to " + consultancyName + " is in.", body);
    }

    private String page(String title, String description, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " | " + escape(consultancyName) + "</title>\n"
                + "<meta name=\"description\" content=\"" + escape(description) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<link rel=\"icon\" href=\"/icons/favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/embed/forms.css\">\n"
                + "<link rel=\"stylesheet\" href=\"/embed/page.css\">\n"
                + "</head>\n<body>\n"
                + "<header class=\"sdp-header\"><p class=\"sdp-brand\">" + escape(consultancyName) + "</p></header>\n"
                + "<main class=\"sdp-main\">\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** What the visitor posted, by parameter name, to fill the form in again. */
    static Map<String, String> values(LeadSubmission submission, @Nullable String refererHeader) {
        var values = new LinkedHashMap<String, String>();
        for (var component : LeadSubmission.class.getRecordComponents()) {
            try {
                var value = component.getAccessor().invoke(submission);
                if (value != null && !value.toString().isBlank()) {
                    values.put(component.getName(), value.toString());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("A record's accessor is public", e);
            }
        }
        if (!values.containsKey("referrer") && refererHeader != null) {
            values.put("referrer", refererHeader);
        }
        return values;
    }
}
