package com.stackdesk.intake;

import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Says precisely what {@code POST /api/leads} takes: one schema per kind of lead, chosen by {@code
 * kind} (a {@code oneOf} with {@code kind} as discriminator), built from {@link IntakeFields}, so
 * the description lists the very fields, choices, limits and required fields the server checks.
 * The controller reads a lenient {@link LeadSubmission} (labels as well as names, {@code "on"} for
 * a ticked box); this is the strict form a client built from the description sends.
 */
@Component
class IntakeApiDescription implements OpenApiCustomizer {

    static final Map<LeadKind, String> SCHEMA_NAMES = Map.of(
            LeadKind.CONSULTATION, "ConsultationSubmission", LeadKind.DEVELOPMENT_PLAN, "DevelopmentPlanSubmission");

    private final IntakeFields fields;

    IntakeApiDescription(IntakeFields fields) {
        this.fields = fields;
    }

    @Override
    public void customise(OpenAPI api) {
        var schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        var mapping = new LinkedHashMap<String, String>();
        var oneOf = new ArrayList<Schema>();
        for (var kind : LeadKind.values()) {
            var name = SCHEMA_NAMES.get(kind);
            schemas.put(name, submission(kind));
            mapping.put(kind.name(), "#/components/schemas/" + name);
            oneOf.add(new Schema<>().$ref("#/components/schemas/" + name));
        }
        schemas.remove(LeadSubmission.class.getSimpleName());
        var path = api.getPaths() == null ? null : api.getPaths().get("/api/leads");
        if (path == null || path.getPost() == null || path.getPost().getRequestBody() == null) {
            return;
        }
        // the JSON and the form-post handler share path and method: one operation, described here
        var body = new ComposedSchema();
        body.setOneOf(oneOf);
        body.discriminator(new Discriminator().propertyName("kind").mapping(mapping));
        var post = path.getPost();
        post.setOperationId("submitLead");
        post.setSummary("Submit a lead");
        post.setDescription("A consultation or development-plan request, as JSON or form-encoded (the same fields;"
                + " a ticked consent box may also be sent as \"on\"). Answered in JSON: 201 with the reference,"
                + " 400 with a message per field, 429 over the rate limit with Retry-After. A form-encoded post"
                + " that accepts text/html (a browser without JavaScript) is answered with pages instead: 303 to"
                + " a thank-you page, or the form again with the answers and the messages (400, 429).");
        post.getRequestBody()
                .required(true)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(body))
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                new MediaType().schema(body)));
        var json = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
        var error =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        post.setResponses(new ApiResponses()
                .addApiResponse(
                        "201",
                        new ApiResponse()
                                .description("Stored (or stored before: a repeat within the duplicate window)")
                                .content(new Content()
                                        .addMediaType(
                                                json,
                                                new MediaType()
                                                        .schema(new ObjectSchema()
                                                                .addProperty(
                                                                        "reference",
                                                                        new StringSchema().pattern("^SD-[0-9A-Z]{6}$"))
                                                                .addProperty("status", new StringSchema())))))
                .addApiResponse(
                        "303",
                        new ApiResponse().description("Form post from a browser: stored, see the thank-you page"))
                .addApiResponse(
                        "400",
                        new ApiResponse()
                                .description("Nothing stored: a message per field")
                                .content(new Content()
                                        .addMediaType(
                                                json,
                                                new MediaType()
                                                        .schema(new ObjectSchema()
                                                                .addProperty("message", new StringSchema())
                                                                .addProperty(
                                                                        "errors", new ArraySchema().items(error))))))
                .addApiResponse(
                        "429",
                        new ApiResponse()
                                .description(
                                        "Nothing stored: too many submissions from this address; see Retry-After")));
    }

    private Schema<?> submission(LeadKind kind) {
        var schema = new ObjectSchema();
        schema.setDescription(fields.title(kind) + ": the fields of the form on the public page.");
        var required = new ArrayList<String>();
        schema.addProperty(
                "kind", new StringSchema()._enum(List.of(kind.name())).description("The kind of lead"));
        required.add("kind");
        for (var field : fields.of(kind)) {
            schema.addProperty(field.name(), property(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (kind == LeadKind.CONSULTATION) {
            schema.addProperty(
                    "timeZone",
                    new StringSchema()
                            .maxLength(LeadLimits.TIME_ZONE)
                            .description("IANA time zone of preferredTime, e.g. Europe/Berlin; UTC when missing"));
        }
        schema.addProperty(
                "website",
                new StringSchema()
                        .description(
                                "Honeypot: hide it from people and leave it empty; a lead with it filled in is kept as spam"));
        schema.addProperty(
                "startedAt",
                new IntegerSchema()
                        .format("int64")
                        .description("When the form was shown, epoch milliseconds; a lead sent sooner than the"
                                + " minimum fill time after it is kept as spam"));
        for (var utm : List.of("utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent")) {
            schema.addProperty(
                    utm,
                    new StringSchema().description("UTM parameter of the visitor's page; cut to " + LeadLimits.UTM));
        }
        schema.addProperty(
                "referrer",
                new StringSchema()
                        .description(
                                "document.referrer of the visitor's page (the Referer header when missing); cut to "
                                        + LeadLimits.URL));
        schema.addProperty(
                "landingPage",
                new StringSchema().description("The address of the page the form was on; cut to " + LeadLimits.URL));
        schema.setRequired(required);
        return schema;
    }

    private static Schema<?> property(FormField field) {
        Schema<?> schema =
                switch (field.input()) {
                    case CHECKBOX -> {
                        var consent = new BooleanSchema();
                        consent._enum(List.of(true));
                        yield consent.description(field.label() + " Must be true.");
                    }
                    case RADIO, SELECT ->
                        new StringSchema()
                                ._enum(field.choices().stream()
                                        .map(FormField.Choice::value)
                                        .toList())
                                .description(field.label() + " "
                                        + String.join(
                                                ", ",
                                                field.choices().stream()
                                                        .map(c -> c.value() + " = " + c.label())
                                                        .toList()));
                    case DATETIME ->
                        new StringSchema()
                                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$")
                                .example("2026-12-03T14:30")
                                .description(field.label()
                                        + ": a local date-time in timeZone, in the future and within "
                                        + IntakeService.PREFERRED_TIME_MAX_DAYS + " days");
                    case EMAIL -> new StringSchema().format("email").description(field.label());
                    case TEXT, TEL, TEXTAREA -> new StringSchema().description(field.label());
                };
        if (schema instanceof StringSchema text) {
            if (field.maxLength() != null) {
                text.maxLength(field.maxLength());
            }
            if (field.pattern() != null) {
                text.pattern("^(?:" + field.pattern() + ")$");
            }
            if (field.required() && field.choices().isEmpty() && field.input() != FormField.Input.DATETIME) {
                text.minLength(1);
            }
        }
        return schema;
    }
}
