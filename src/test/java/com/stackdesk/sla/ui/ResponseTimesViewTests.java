package com.stackdesk.sla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.sla.ResponseSettings;
import com.stackdesk.sla.ResponseTarget;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;

/** The response-times page saves what makes sense, refuses what does not, and changes nothing then. */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.routing.strategy=least-loaded"})
@WithMockUser(username = "maria", roles = "MANAGER")
class ResponseTimesViewTests extends com.vaadin.browserless.SpringBrowserlessTest {

    @Autowired
    ResponseSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToTheDefaults() {
        for (var table : new String[] {"response_settings", "business_hours", "business_holiday"}) {
            jdbc.update("delete from " + table);
        }
        settings.reload();
    }

    private ResponseTimesView open() {
        // @RolesAllowed makes the view a method-security proxy: read the fields of the view itself
        return AopTestUtils.getUltimateTargetObject(navigate(ResponseTimesView.class));
    }

    @Test
    void showsTheDefaultsAndSavesHoursHolidaysAndTargets() {
        var view = open();
        assertThat(view.timeZone.getValue()).isEqualTo("UTC");
        assertThat(view.days.get(DayOfWeek.MONDAY).open().getValue()).isTrue();
        assertThat(view.days.get(DayOfWeek.SATURDAY).open().getValue()).isFalse();
        assertThat(view.consultationAmount.getValue()).isEqualTo(2);
        assertThat(view.planUnit.getValue()).isEqualTo(ResponseTarget.Unit.DAYS);

        view.timeZone.setValue("Europe/Lisbon");
        view.days.get(DayOfWeek.FRIDAY).open().setValue(false);
        view.days.get(DayOfWeek.MONDAY).opens().setValue(LocalTime.of(8, 30));
        test(view.addHoliday).click();
        view.holidays.getFirst().date().setValue(LocalDate.parse("2026-12-25"));
        view.holidays.getFirst().name().setValue("Christmas Day");
        view.consultationAmount.setValue(4);
        view.remindPercent.setValue(25);
        view.reassignOverdue.setValue(true);
        test(view.save).click();

        var rules = settings.rules();
        assertThat(rules.calendar().zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(rules.calendar().week()).doesNotContainKey(DayOfWeek.FRIDAY).hasSize(4);
        assertThat(rules.calendar().week().get(DayOfWeek.MONDAY).opens()).isEqualTo(LocalTime.of(8, 30));
        assertThat(rules.calendar().holidays()).containsExactly(LocalDate.parse("2026-12-25"));
        assertThat(rules.targetFor(LeadKind.CONSULTATION)).isEqualTo(new ResponseTarget(4, ResponseTarget.Unit.HOURS));
        assertThat(rules.remindPercent()).isEqualTo(25);
        assertThat(rules.reassignOverdue()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from business_hours", Integer.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("select name from business_holiday", String.class))
                .isEqualTo("Christmas Day");
        // reopened, the page shows what was saved
        assertThat(open().timeZone.getValue()).isEqualTo("Europe/Lisbon");
    }

    @Test
    void refusesADayThatClosesBeforeItOpensAndAHolidayWithoutANameAndChangesNothing() {
        var view = open();
        view.days.get(DayOfWeek.MONDAY).opens().setValue(LocalTime.of(18, 0));
        test(view.save).click();
        assertThat(jdbc.queryForObject("select count(*) from response_settings", Integer.class))
                .isZero();

        view.days.get(DayOfWeek.MONDAY).opens().setValue(LocalTime.of(9, 0));
        test(view.addHoliday).click();
        view.holidays.getFirst().date().setValue(LocalDate.parse("2026-12-24"));
        test(view.save).click();
        assertThat(jdbc.queryForObject("select count(*) from response_settings", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from business_holiday", Integer.class))
                .isZero();

        view.consultationAmount.setValue(0);
        view.holidays.getFirst().name().setValue("Christmas Eve");
        test(view.save).click();
        assertThat(jdbc.queryForObject("select count(*) from response_settings", Integer.class))
                .isZero();
        assertThat(settings.rules().calendar().zone()).isEqualTo(ZoneId.of("UTC"));
    }
}
