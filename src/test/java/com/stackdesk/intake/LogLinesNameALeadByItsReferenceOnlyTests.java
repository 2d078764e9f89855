package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator follows a lead through the log by its reference: the lines written while it is
 * stored, routed and emailed carry it (the MDC key {@code lead}: a field of its own in the
 * structured JSON formats, in brackets in the plain one), and no line carries the visitor's email
 * address or name.
 *
 * <p>The test's logback configuration writes plain text; the JSON here comes from Spring Boot's own
 * ECS encoder (what {@code logging.structured.format.console=ecs} switches to), added beside it for
 * the test.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// the settings of IntakeApiIntegrationTests (origins and docs unused here), so they share one
// context; the emails go to the embedded SMTP server, whose log lines are what this test reads
@TestPropertySource(
        properties = {
            "stackdesk.intake.rate-limit.submissions=1000",
            "stackdesk.api.allowed-origins=https://www.northwind.example",
            "stackdesk.api.public-docs=true"
        })
@ExtendWith(OutputCaptureExtension.class)
class LogLinesNameALeadByItsReferenceOnlyTests {

    static final String EMAIL = "quillon.marchbanks@private-mail.example";
    static final String FIRST = "Quillon";
    static final String LAST = "Marchbanks";

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    Environment environment;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ConsoleAppender<ILoggingEvent> ecs = new ConsoleAppender<>();

    @BeforeEach
    void alsoLogInEcsJson() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getObject(Environment.class.getName()) == null) {
            context.putObject(Environment.class.getName(), environment);
        }
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ecs.setContext(context);
        ecs.setName("ECS-TEST");
        ecs.setEncoder(encoder);
        ecs.start();
        root.addAppender(ecs);
    }

    @AfterEach
    void stopLoggingInEcsJson() {
        root.detachAppender(ecs);
        ecs.stop();
    }

    @Test
    void theLinesAboutAStoredRoutedAndEmailedLeadCarryItsReferenceAndNoContactDetails(CapturedOutput output)
            throws Exception {
        TestStaff.member("rosa-logs")
                .fullName("Rosa Ruby")
                .email("rosa-logs@northwind.example")
                .skills(StackLeaning.RUBY)
                .save(staff);
        int from = output.getOut().length();

        var response = LeadApi.post(port, """
                {"kind":"CONSULTATION","firstName":"%s","lastName":"%s","email":"%s",
                 "phone":"+44 20 7946 0958","stack":"Ruby","contactMethod":"EMAIL",
                 "message":"Rails upgrade help","consent":"true"}""".formatted(FIRST, LAST, EMAIL));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var reference = LeadApi.reference(response);

        // both emails (the visitor's confirmation, Rosa's alert) sent and marked so
        await().atMost(Duration.ofSeconds(60))
                .until(() -> aboutTheLead(output.getOut().substring(from), reference).stream()
                                .filter(line -> line.get("message").asString().startsWith("Email sent"))
                                .count()
                        == 2);

        var logged = output.getOut().substring(from);
        assertThat(aboutTheLead(logged, reference))
                .extracting(line -> line.get("message").asString())
                .anyMatch(message -> message.startsWith("Lead stored"))
                .anyMatch(message -> message.startsWith("API: lead accepted"))
                .anyMatch(message -> message.startsWith("Lead routed"));
        // the plain format shows the reference in brackets, before the logger's name
        assertThat(logged.lines().filter(line -> !line.startsWith("{")))
                .anyMatch(line -> line.contains("[" + reference + "] ") && line.contains("Lead stored"));
        assertThat(logged).doesNotContain(EMAIL, FIRST, LAST, "7946", "rosa-logs@");
    }

    /** The ECS JSON lines with the lead's reference in their field {@code lead}. */
    private static List<JsonNode> aboutTheLead(String logged, String reference) {
        var json = JsonMapper.builder().build();
        return logged.lines()
                .filter(line -> line.startsWith("{"))
                .map(json::readTree)
                .filter(line -> line.has("lead") && line.get("lead").asString().equals(reference))
                .toList();
    }
}
