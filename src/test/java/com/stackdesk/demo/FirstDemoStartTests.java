package com.stackdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.LeadApi;
import com.stackdesk.StackdeskApplication;
import com.stackdesk.lead.internal.Leads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's first start on an empty database, with a visitor who submits the moment the web
 * server answers (a website's form posting while the app restarts).
 */
class FirstDemoStartTests {

    @Test
    void aLeadPostedAsSoonAsTheServerAnswersFindsTheSeededTeamAndTheDemoLeadsStillLoad() throws IOException {
        var firstAnswer = new FirstAnswer();
        try (var app = new SpringApplicationBuilder(StackdeskApplication.class)
                .profiles("demo")
                .listeners(firstAnswer)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:first-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--stackdesk.seeds.location=file:seeds/",
                        "--stackdesk.security.bcrypt-strength=4",
                        "--spring.task.scheduling.shutdown.await-termination=false",
                        "--vaadin.launch-browser=false",
                        "--spring.main.banner-mode=off")) {
            var answer = firstAnswer.response.get();
            assertThat(answer).as("the submission sent when the server started").isNotNull();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

            var leads = app.getBean(Leads.class);
            var lead = leads.findByReference(LeadApi.reference(answer)).orElseThrow();
            assertThat(AwaitRouting.routed(leads, lead.getId()).getAssigneeId())
                    .as("routed to a seeded rep, not queued for want of staff")
                    .isNotNull();
            long seeded;
            try (var reader = Files.newBufferedReader(Path.of("seeds/leads.csv"))) {
                seeded = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream()
                        .count();
            }
            assertThat(app.getBean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM lead")
                            .query(Long.class)
                            .single())
                    .as("the demo leads and the visitor's")
                    .isEqualTo(seeded + 1);
        }
    }

    /** Posts one lead as soon as the web server has started, before the start has finished. */
    static class FirstAnswer implements ApplicationListener<WebServerInitializedEvent> {

        final AtomicReference<HttpResponse<String>> response = new AtomicReference<>();

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            try {
                response.set(LeadApi.post(event.getWebServer().getPort(), """
                        {"kind":"CONSULTATION","firstName":"Ada","lastName":"Early","email":"ada.early@example.com",
                         "stack":"GO","consent":true,"contactMethod":"EMAIL",
                         "message":"Please call me about a Go backend for our logistics platform."}"""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
