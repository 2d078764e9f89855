package com.stackdesk.intake;

import com.stackdesk.analytics.TrackedForm;
import com.stackdesk.intake.FormField.Input;
import com.stackdesk.lead.LeadKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The two forms as plain HTML for the consultancy's own pages, built from {@link IntakeFields}:
 * the snippet an admin copies (one stylesheet, the form, one deferred script), and the form with a
 * visitor's answers and the server's messages when a post without JavaScript needs correcting.
 * The form posts form-encoded to {@code /api/leads}; the script {@code /embed/forms.js} takes over
 * when it runs (checks as the visitor types, then posts JSON).
 */
@Component
public class EmbeddableForms {

    /** The hidden fields the script fills in: fill time, time zone and the host page's source. */
    static final List<String> SOURCE_FIELDS = List.of(
            "startedAt",
            "timeZone",
            "utmSource",
            "utmMedium",
            "utmCampaign",
            "utmTerm",
            "utmContent",
            "referrer",
            "landingPage");

    private final IntakeFields fields;

    EmbeddableForms(IntakeFields fields) {
        this.fields = fields;
    }

    /**
     * What a site's page needs for one form, with Stackdesk at {@code baseUrl} (no trailing slash;
     * empty for a page Stackdesk serves itself).
     */
    public String snippet(LeadKind kind, String baseUrl) {
        return "<link rel=\"stylesheet\" href=\"" + escape(baseUrl) + "/embed/forms.css\">\n"
                + form(kind, baseUrl, Map.of(), Map.of(), null)
                + "<script src=\"" + escape(baseUrl) + "/embed/forms.js\" defer></script>\n";
    }

    /**
     * The form alone, filled with {@code values}, each field's message from {@code errors} beside
     * it and {@code message} above the button.
     */
    public String form(
            LeadKind kind,
            String baseUrl,
            Map<String, String> values,
            Map<String, String> errors,
            @Nullable String message) {
        var id = kind == LeadKind.CONSULTATION ? "sdc" : "sdp";
        var html = new StringBuilder();
        html.append("<form class=\"stackdesk-form\" action=\"")
                .append(escape(baseUrl))
                .append("/api/leads\" method=\"post\" accept-charset=\"UTF-8\" novalidate data-stackdesk-form=\"")
                .append(kind.name())
                .append("\" aria-label=\"")
                .append(escape(fields.title(kind)))
                .append("\">\n");
        html.append("<input type=\"hidden\" name=\"kind\" value=\"")
                .append(kind.name())
                .append("\">\n");
        // the form analytics count it (views and starts by the script's beacons, the submission here)
        html.append("<input type=\"hidden\" name=\"form\" value=\"")
                .append(
                        kind == LeadKind.CONSULTATION
                                ? TrackedForm.CONSULTATION.id()
                                : TrackedForm.DEVELOPMENT_PLAN.id())
                .append("\">\n");
        if (!errors.isEmpty()) {
            html.append("<div class=\"sdf-summary\" role=\"alert\"><p>Please correct these fields:</p><ul>");
            for (var field : fields.of(kind)) {
                var error = errors.get(field.name());
                if (error != null) {
                    html.append("<li><a href=\"#")
                            .append(id)
                            .append('-')
                            .append(field.name())
                            .append(field.choices().isEmpty() || field.input() == Input.SELECT ? "" : "-0")
                            .append("\">")
                            .append(escape(error))
                            .append("</a></li>");
                }
            }
            html.append("</ul></div>\n");
        }
        for (var field : fields.of(kind)) {
            field(html, id, field, values.get(field.name()), errors.get(field.name()));
        }
        html.append("<div class=\"sdf-hp\"><label for=\"")
                .append(id)
                .append("-website\">Leave this field empty</label><input id=\"")
                .append(id)
                .append("-website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"")
                .append(escape(values.getOrDefault("website", "")))
                .append("\"></div>\n");
        for (var hidden : SOURCE_FIELDS) {
            if (hidden.equals("timeZone") && kind != LeadKind.CONSULTATION) {
                continue;
            }
            html.append("<input type=\"hidden\" name=\"")
                    .append(hidden)
                    .append("\" value=\"")
                    .append(escape(values.getOrDefault(hidden, "")))
                    .append("\">");
        }
        html.append('\n');
        html.append("<p class=\"sdf-status\" role=\"status\">")
                .append(message == null ? "" : escape(message))
                .append("</p>\n");
        html.append("<button type=\"submit\" class=\"sdf-submit\">")
                .append(escape(fields.submitLabel(kind)))
                .append("</button>\n");
        html.append("</form>\n");
        return html.toString();
    }

    private void field(
            StringBuilder html, String formId, FormField field, @Nullable String value, @Nullable String error) {
        var id = formId + "-" + field.name();
        var described = new StringBuilder(id + "-error");
        if (field.help() != null) {
            described.append(' ').append(id).append("-help");
        }
        var invalid = error == null ? "" : " aria-invalid=\"true\"";
        var required = field.required() ? " required" : "";
        var mark = field.required() ? " <span class=\"sdf-required\" aria-hidden=\"true\">*</span>" : "";
        var current = value != null ? value : field.defaultValue();
        switch (field.input()) {
            case RADIO -> {
                html.append("<fieldset class=\"sdf-field sdf-choices\" aria-describedby=\"")
                        .append(id)
                        .append("-error\"><legend>")
                        .append(escape(field.label()))
                        .append(mark)
                        .append("</legend>");
                var i = 0;
                for (var choice : field.choices()) {
                    var choiceId = id + "-" + i++;
                    html.append("<span class=\"sdf-choice\"><input type=\"radio\" id=\"")
                            .append(choiceId)
                            .append("\" name=\"")
                            .append(field.name())
                            .append("\" value=\"")
                            .append(choice.value())
                            .append('"')
                            .append(choice.value().equals(current) ? " checked" : "")
                            .append(required)
                            .append(invalid)
                            .append("><label for=\"")
                            .append(choiceId)
                            .append("\">")
                            .append(escape(choice.label()))
                            .append("</label></span>");
                }
                message(html, id, error);
                html.append("</fieldset>\n");
                return;
            }
            case CHECKBOX -> {
                html.append("<div class=\"sdf-field sdf-consent\"><input type=\"checkbox\" id=\"")
                        .append(id)
                        .append("\" name=\"")
                        .append(field.name())
                        .append("\" value=\"true\"")
                        .append(isTicked(value) ? " checked" : "")
                        .append(required)
                        .append(invalid)
                        .append(" aria-describedby=\"")
                        .append(described)
                        .append("\"><label for=\"")
                        .append(id)
                        .append("\">")
                        .append(escape(field.label()))
                        .append(mark)
                        .append("</label>");
                if (!fields.privacyPolicyUrl().isBlank()) {
                    html.append(" <a class=\"sdf-privacy\" href=\"")
                            .append(escape(fields.privacyPolicyUrl()))
                            .append("\">Privacy policy</a>");
                }
                message(html, id, error);
                html.append("</div>\n");
                return;
            }
            default -> {
                // the text inputs below
            }
        }
        html.append("<div class=\"sdf-field")
                .append(field.input() == Input.TEXTAREA ? " sdf-wide" : "")
                .append("\"><label for=\"")
                .append(id)
                .append("\">")
                .append(escape(field.label()))
                .append(mark)
                .append("</label>");
        var common = " id=\"" + id + "\" name=\"" + field.name() + "\"" + required + invalid + " aria-describedby=\""
                + described + "\"";
        switch (field.input()) {
            case TEXTAREA ->
                html.append("<textarea")
                        .append(common)
                        .append(" rows=\"5\"")
                        .append(maxLength(field))
                        .append('>')
                        .append(escape(current == null ? "" : current))
                        .append("</textarea>");
            case SELECT -> {
                html.append("<select").append(common).append("><option value=\"\">Choose…</option>");
                for (var choice : field.choices()) {
                    html.append("<option value=\"")
                            .append(choice.value())
                            .append('"')
                            .append(choice.value().equals(current) ? " selected" : "")
                            .append('>')
                            .append(escape(choice.label()))
                            .append("</option>");
                }
                html.append("</select>");
            }
            default -> {
                var type =
                        switch (field.input()) {
                            case EMAIL -> "email";
                            case TEL -> "tel";
                            case DATETIME -> "datetime-local";
                            default -> "text";
                        };
                html.append("<input type=\"").append(type).append('"').append(common);
                if (field.autocomplete() != null) {
                    html.append(" autocomplete=\"").append(field.autocomplete()).append('"');
                }
                if (field.input() == Input.TEL) {
                    html.append(" inputmode=\"tel\"");
                }
                if (field.input() == Input.DATETIME) {
                    html.append(" step=\"1800\"");
                }
                html.append(maxLength(field))
                        .append(" value=\"")
                        .append(escape(current == null ? "" : current))
                        .append("\">");
            }
        }
        if (field.help() != null) {
            html.append("<p class=\"sdf-help\" id=\"")
                    .append(id)
                    .append("-help\">")
                    .append(escape(field.help()))
                    .append("</p>");
        }
        message(html, id, error);
        html.append("</div>\n");
    }

    private static void message(StringBuilder html, String id, @Nullable String error) {
        html.append("<p class=\"sdf-error\" id=\"")
                .append(id)
                .append("-error\">")
                .append(error == null ? "" : escape(error))
                .append("</p>");
    }

    private static String maxLength(FormField field) {
        return field.maxLength() == null ? "" : " maxlength=\"" + field.maxLength() + "\"";
    }

    private static boolean isTicked(@Nullable String value) {
        return value != null && List.of("true", "on", "yes", "1").contains(value.strip());
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
