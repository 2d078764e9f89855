package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.security.AllowedOrigins;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consultancy's site relies on when it embeds the forms: a client written from the API
 * description alone gets a lead of each kind in, the sites an admin allows may post from a
 * browser and no other may, and the script and styles are small and set no cookie. Same context
 * as {@link IntakeApiIntegrationTests}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "stackdesk.intake.rate-limit.submissions=1000",
            "stackdesk.api.allowed-origins=https://www.northwind.example",
            "stackdesk.api.public-docs=true"
        })
class EmbeddingTheFormsTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Autowired
    AllowedOrigins origins;

    @Autowired
    StaffMembers staff;

    @Autowired
    ApplicationContext app;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> postJson(Map<String, Object> body, String... headers) throws Exception {
        var request = to("/api/leads")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A value that satisfies a property's schema, read from the schema alone. */
    private static Object exampleFor(String name, JsonNode schema) {
        if (schema.has("enum")) {
            var first = schema.get("enum").get(0);
            return first.isBoolean() ? (Object) first.asBoolean() : first.asString();
        }
        var type = schema.get("type").asString();
        if (type.equals("boolean")) {
            return true;
        }
        if (schema.path("format").asString("").equals("email")) {
            return "ada@lovelace.example";
        }
        var text = "Written from the API description: " + name;
        var max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }

    @Test
    void aClientBuiltFromTheApiDescriptionPostsAValidLeadOfEachKind() throws Exception {
        var description = json.readTree(send(to("/v3/api-docs").GET()).body());
        var body = description.at("/paths/~1api~1leads/post/requestBody/content/application~1json/schema");
        assertThat(body.at("/discriminator/propertyName").asString()).isEqualTo("kind");
        assertThat(body.get("oneOf")).hasSize(2);
        assertThat(description
                        .at("/paths/~1api~1leads/post/requestBody/content")
                        .has("application/x-www-form-urlencoded"))
                .as("form posts are described as well")
                .isTrue();
        // what each kind requires, as the forms on the public pages mark it
        var expectedRequired = Map.of(
                "CONSULTATION",
                Set.of("kind", "firstName", "lastName", "email", "stack", "contactMethod", "message", "consent"),
                "DEVELOPMENT_PLAN",
                Set.of(
                        "kind",
                        "firstName",
                        "lastName",
                        "email",
                        "company",
                        "stack",
                        "projectType",
                        "budget",
                        "timeline",
                        "teamSize",
                        "message",
                        "consent"));

        for (var mapping : body.at("/discriminator/mapping").properties()) {
            var kind = mapping.getKey();
            var ref = mapping.getValue().asString();
            var schema = description.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            var required = new java.util.ArrayList<String>();
            schema.get("required").forEach(r -> required.add(r.asString()));
            assertThat(required).as(kind).containsExactlyInAnyOrderElementsOf(expectedRequired.get(kind));
            assertThat(schema.at("/properties/consent/type").asString()).isEqualTo("boolean");
            assertThat(schema.at("/properties/stack/enum"))
                    .as("the stack is a choice")
                    .hasSize(8);

            var lead = new LinkedHashMap<String, Object>();
            for (var name : required) {
                lead.put(name, exampleFor(name, schema.at("/properties/" + name)));
            }
            lead.put("message", lead.get("message") + " " + UUID.randomUUID());
            var created = postJson(lead);

            assertThat(created.statusCode()).as(kind + ": " + created.body()).isEqualTo(201);
            var reference = json.readTree(created.body()).get("reference").asString();
            assertThat(leads.findByReference(reference).orElseThrow().getKind()).isEqualTo(LeadKind.valueOf(kind));

            // and each field the description calls required really is: without it, nothing is stored
            for (var name : required) {
                if (name.equals("kind")) {
                    continue;
                }
                var without = new LinkedHashMap<>(lead);
                without.remove(name);
                var refused = postJson(without);
                assertThat(refused.statusCode()).as(kind + " without " + name).isEqualTo(400);
                assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
                        .as(kind + " without " + name)
                        .containsExactly(name);
            }
        }
    }

    @Test
    void onlySitesAnAdminAllowedMayPostFromABrowser() throws Exception {
        var admin = TestStaff.member("admin-" + UUID.randomUUID().toString().substring(0, 8))
                .fullName("Ada Admin")
                .email(UUID.randomUUID() + "@x.example")
                .passwordHash("{noop}x")
                .role(Role.ADMIN)
                .save(staff);
        var site = "https://shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var preflight = to("/api/leads")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", site)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
        assertThat(send(preflight).statusCode()).isEqualTo(403);

        SignIn.as(app, admin.getUsername());
        assertThat(origins.add(" " + site.toUpperCase(java.util.Locale.ROOT) + ":443/ "))
                .isEqualTo(site);

        var allowed = send(preflight);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(site);
        var lead = new LinkedHashMap<String, Object>(Map.of(
                "kind", "CONSULTATION",
                "firstName", "Cora",
                "lastName", "Origin",
                "email", "cora@shop.example",
                "stack", "PHP",
                "contactMethod", "EMAIL",
                "message", "From the shop's blog " + UUID.randomUUID(),
                "consent", true));
        var posted = postJson(lead, "Origin", site);
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(site);
        assertThat(posted.headers().firstValue("Set-Cookie")).isEmpty();

        origins.remove(site);
        assertThat(send(preflight).statusCode()).isEqualTo(403);
        lead.put("message", "Again " + UUID.randomUUID());
        assertThat(postJson(lead, "Origin", site).statusCode()).isEqualTo(403);
    }

    @Test
    void anAddressThatIsNotOneSiteIsRefusedWithAReasonAndOnlyAdminsChangeTheList() {
        var admin = TestStaff.member("admin-" + UUID.randomUUID().toString().substring(0, 8))
                .fullName("Ada Admin")
                .email(UUID.randomUUID() + "@x.example")
                .passwordHash("{noop}x")
                .role(Role.ADMIN)
                .save(staff);
        var rep = TestStaff.member("rep-" + UUID.randomUUID().toString().substring(0, 8))
                .fullName("Rex Rep")
                .email(UUID.randomUUID() + "@x.example")
                .passwordHash("{noop}x")
                .role(Role.SALES)
                .save(staff);
        SignIn.as(app, admin.getUsername());
        var before = origins.stored();

        assertThatThrownBy(() -> origins.add("https://blog.example/posts/1"))
                .isInstanceOf(AllowedOrigins.InvalidOrigin.class)
                .hasMessageContaining("without a page");
        assertThatThrownBy(() -> origins.add("*")).hasMessageContaining("wildcards are not allowed");
        assertThatThrownBy(() -> origins.add("ftp://files.example")).hasMessageContaining("https://");
        assertThatThrownBy(() -> origins.add("https://www.northwind.example"))
                .hasMessageContaining("already allowed by the configuration");
        assertThat(origins.stored()).isEqualTo(before);
        var twice = "https://twice-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        origins.add(twice);
        assertThatThrownBy(() -> origins.add(twice + "/")).hasMessageContaining("already in the list");
        origins.remove(twice);

        SignIn.as(app, rep.getUsername());
        assertThatThrownBy(() -> origins.add("https://rep.example")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> origins.stored()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theScriptAndStylesAreSmallAndNothingTheFormsLoadSetsACookie() throws Exception {
        var gzipped = 0;
        for (var asset : new String[] {"/embed/forms.js", "/embed/forms.css"}) {
            var response = send(to(asset).GET());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Set-Cookie")).as(asset).isEmpty();
            var bytes = new ByteArrayOutputStream();
            try (var gzip = new GZIPOutputStream(bytes)) {
                gzip.write(response.body().getBytes(StandardCharsets.UTF_8));
            }
            gzipped += bytes.size();
        }
        assertThat(gzipped).as("script and styles, gzipped").isLessThanOrEqualTo(15 * 1024);

        var missing = send(to("/embed/no-such-file.js").GET().header("Sec-Fetch-Dest", "script"));
        assertThat(missing.statusCode())
                .as("a missing file is not Vaadin's page or a sign-in redirect")
                .isEqualTo(404);
        assertThat(missing.headers().firstValue("Set-Cookie")).isEmpty();

        var script = send(to("/embed/forms.js").GET()).body();
        assertThat(script)
                .as("the server's own messages are in the script")
                .contains("Tell us briefly what you would like to discuss")
                .contains("Enter an email address like name@company.com")
                .doesNotContain("/*RULES*/");

        var form = Map.of(
                "kind", "DEVELOPMENT_PLAN",
                "firstName", "Nora",
                "lastName", "Script",
                "email", "nora@noscript.example",
                "company", "No Script Ltd",
                "stack", "RUBY",
                "projectType", "WEB_APPLICATION",
                "budget", "UNDECIDED",
                "timeline", "FLEXIBLE",
                "teamSize", "SOLO");
        var posted = send(to("/api/leads")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(
                        form, Map.of("message", "A booking site " + UUID.randomUUID(), "consent", "true")))));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Set-Cookie")).isEmpty();
        var thanks =
                send(to(posted.headers().firstValue("Location").orElseThrow()).GET());
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(thanks.body()).contains("with your plan").doesNotContain("the way you asked");
    }

    private static String formEncoded(Map<String, String> a, Map<String, String> b) {
        var all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
