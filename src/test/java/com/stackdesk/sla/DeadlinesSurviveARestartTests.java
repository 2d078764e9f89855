package com.stackdesk.sla;

import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.MutableClock;
import com.stackdesk.SignIn;
import com.stackdesk.StackdeskApplication;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline's steps live in the database, not in the app: the app is stopped after the
 * reminder and started again on the same database (H2 file). The reminder is not sent again, and
 * the managers' alert comes once when the deadline passes. Same moments as {@link
 * ResponseDeadlinesIntegrationTests}: a consultation on Friday 4 Dec 2026 16:30 Berlin is due
 * Monday 10:30 and reminded at 09:30.
 */
class DeadlinesSurviveARestartTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T15:30:00Z"));

    @Configuration(proxyBeanMethods = false)
    static class RestartClock {
        @Bean
        @Primary
        MutableClock restartClock() {
            return CLOCK;
        }
    }

    @Test
    void theReminderIsNotRepeatedAfterARestartAndTheAlertStillComesOnce(@TempDir Path dir) throws Exception {
        var url = "jdbc:h2:file:" + Files.createDirectories(dir.resolve("db")).resolve("stackdesk")
                + ";DB_CLOSE_ON_EXIT=FALSE";
        long leadId;
        try (var app = start(url)) {
            var staffMembers = app.getBean(StaffMembers.class);
            staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
            staff(staffMembers, "maria", "María García", Role.MANAGER, false);
            SignIn.as(app, "maria");
            var week = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
            for (var day : List.of(
                    DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                week.put(day, BusinessCalendar.Hours.of("09:00", "17:00"));
            }
            app.getBean(ResponseSettings.class)
                    .save(new ResponseSettings.Settings(
                            "Europe/Berlin",
                            week,
                            List.of(),
                            new ResponseTarget(2, ResponseTarget.Unit.HOURS),
                            new ResponseTarget(1, ResponseTarget.Unit.DAYS),
                            50,
                            false));
            SignIn.out(app);
            var lead = app.getBean(LeadRegistration.class)
                    .register(TestLeads.lead()
                            .kind(LeadKind.CONSULTATION)
                            .stack(StackLeaning.GO)
                            .build());
            leadId = lead.getId();
            AwaitRouting.routed(app.getBean(Leads.class), leadId);

            CLOCK.set(Instant.parse("2026-12-07T08:45:00Z"));
            assertThat(app.getBean(DeadlineSweep.class).run()).isEqualTo(1);
        }

        try (var app = start(url)) {
            var sweep = app.getBean(DeadlineSweep.class);
            assertThat(sweep.run()).isZero();
            // the settings saved before the restart are read back from the database
            assertThat(app.getBean(ResponseSettings.class)
                            .rules()
                            .calendar()
                            .zone()
                            .getId())
                    .isEqualTo("Europe/Berlin");
            CLOCK.set(Instant.parse("2026-12-07T09:30:00Z"));
            assertThat(sweep.run()).isEqualTo(1);
            assertThat(sweep.run()).isZero();

            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList(
                            "select kind || ' ' || recipient from outbound_email where lead_id = ?"
                                    + " and kind like 'DEADLINE%' order by id",
                            String.class, leadId))
                    .containsExactly(
                            "DEADLINE_REMINDER ana@northwind.example", "DEADLINE_OVERDUE maria@northwind.example");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        // as command-line arguments: they win over application.properties (default properties would
        // lose to its datasource URL, and the test would run on the working copy's own database)
        return new SpringApplicationBuilder(StackdeskApplication.class, RestartClock.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--stackdesk.seeds.location=classpath:no-seeds/",
                        "--vaadin.launch-browser=false",
                        "--stackdesk.mail.embedded.enabled=false",
                        "--stackdesk.mail.dispatcher.enabled=false",
                        "--stackdesk.sla.sweep-interval=1h",
                        "--spring.task.scheduling.shutdown.await-termination=false");
    }
}
