package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * When storing a lead fails for a reason the visitor can do nothing about (here: the database
 * refuses, because a table the intake writes is gone), the API answers a JSON {@code 500} and the
 * form keeps the visitor's answers with a message, instead of a redirect to the staff login. The
 * log has it at ERROR, with the stack trace.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "stackdesk.intake.min-fill-time=0s")
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedSubmissionFailureTests extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void breakTheTimeline() {
        jdbc.sql("ALTER TABLE lead_activity RENAME TO lead_activity_away").update();
    }

    @AfterEach
    void repairTheTimeline() {
        jdbc.sql("ALTER TABLE lead_activity_away RENAME TO lead_activity").update();
    }

    private long leads() {
        return jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
    }

    @Test
    void theApiAnswersAJson500AndStoresNothing(CapturedOutput output) throws Exception {
        var before = leads();
        int from = output.getOut().length();

        var response = LeadApi.post(port, """
                {"kind":"CONSULTATION","firstName":"Zoë","lastName":"Brooks",
                 "email":"zoe@brooks.example","stack":"Go","contactMethod":"EMAIL",
                 "message":"A Go service review","consent":"true"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"message\":\"Something went wrong on our side");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(leads()).isEqualTo(before);
        // our failure, unlike a caller's mistake: ERROR with the id the caller was given, and the trace
        var errorId = response.body().replaceAll(".*\"errorId\":\"([^\"]+)\".*", "$1");
        var logged = output.getOut().substring(from);
        assertThat(logged.lines().filter(line -> line.contains(" ERROR ")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("POST /api/leads failed (error id " + errorId + ")"));
        assertThat(logged).contains("\tat ").doesNotContain("zoe@brooks.example");
    }

    @Test
    void aMalformedBodyIsABadRequestNotALoginRedirect() throws Exception {
        var response = LeadApi.post(port, "{\"kind\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theBookingFormKeepsTheAnswersAndSaysSo() {
        var before = leads();
        var view = navigate(BookConsultationView.class);
        test(view.firstName).setValue("Zoë");
        test(view.lastName).setValue("Brooks");
        test(view.email).setValue("zoe@brooks.example");
        test(view.stack).selectItem("Go");
        test(view.contactMethod).selectItem("Email");
        test(view.message).setValue("A Go service review");
        test(view.consent).click();

        test(view.submit).click();

        assertThat(view.formError.isVisible()).isTrue();
        assertThat(view.formError.getText()).contains("Your answers are still here");
        assertThat(view.firstName.getValue()).isEqualTo("Zoë");
        assertThat(view.message.getValue()).isEqualTo("A Go service review");
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(leads()).isEqualTo(before);
    }
}
