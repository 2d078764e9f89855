package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.LeadApi;
import com.stackdesk.StackdeskApplication;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production jar's defaults (no demo profile, no test settings) without a mail server: no
 * embedded SMTP server starts, one warning says why no email goes out, emails stay pending without
 * ever being marked failed, and the health report says the mail server is not configured while the
 * app is UP. A configured server that does not answer shows in the report, the app stays UP too.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailWithoutAnSmtpServerTests {

    ConfigurableApplicationContext app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void withoutAMailHostNoEmbeddedServerStartsAndEmailsStayPendingWhileTheAppIsUp(CapturedOutput output)
            throws Exception {
        app = start();

        assertThat(app.getBeanProvider(EmbeddedSmtpServer.class).getIfAvailable())
                .isNull();
        assertThat(app.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        assertThat(output).doesNotContain("Embedded SMTP server listening");
        assertThat(output.toString().split("No mail server configured \\(spring.mail.host\\)", -1))
                .as("the warning, once")
                .hasSize(2);

        var jdbc = app.getBean(JdbcTemplate.class);
        RoutingFixtures.clean(jdbc);
        RoutingFixtures.staff(app.getBean(StaffMembers.class), "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        var posted = post("""
                {"kind":"CONSULTATION","firstName":"Nils","lastName":"Nomail","email":"nils@nomail.example",
                 "stack":"Go","contactMethod":"EMAIL","message":"Go services","consent":"true"}""");
        assertThat(posted.statusCode()).isEqualTo(201);
        // the visitor's confirmation and Ana's alert
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from outbound_email", Integer.class) == 2);

        assertThat(app.getBean(OutboxDispatcher.class).dispatchDue()).isZero();
        assertThat(jdbc.queryForList("select status, attempts from outbound_email"))
                .allSatisfy(row -> {
                    assertThat(row.get("STATUS")).isEqualTo("PENDING");
                    assertThat(((Number) row.get("ATTEMPTS")).intValue()).isZero();
                });

        var health = health();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("mail").path("status").asString())
                .isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void aMailServerThatDoesNotAnswerShowsInTheHealthReportButTheAppStaysUp(CapturedOutput output) throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        app = start(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + closedPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000");

        var health = health();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mail").path("status").asString())
                .isEqualTo("UNREACHABLE");
        assertThat(output).doesNotContain("No mail server configured");
    }

    private JsonNode health() throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return LeadApi.post(port(), json);
    }

    private int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The whole app as the production jar starts it; settings as command-line arguments. */
    private ConfigurableApplicationContext start(String... more) {
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:no-mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--stackdesk.seeds.location=classpath:no-seeds/",
                "--server.port=0",
                "--vaadin.launch-browser=false",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(StackdeskApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments.toArray(String[]::new));
    }
}
