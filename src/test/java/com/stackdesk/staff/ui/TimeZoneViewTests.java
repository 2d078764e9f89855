package com.stackdesk.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.OwnAccount;
import com.stackdesk.staff.StaffChangeRefused;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** A rep picks the zone they read times in; the session uses it at once and the account keeps it. */
@IntegrationTest
@DemoData
@WithUserDetails("ben")
class TimeZoneViewTests extends SpringBrowserlessTest {

    @Autowired
    CurrentUser currentUser;

    @Autowired
    OwnAccount account;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToTheTeamsZone() {
        jdbc.update("update staff set time_zone = null where username = 'ben'");
    }

    @Test
    void aChosenZoneIsKeptAndUsedAtOnce() {
        var view = navigate(TimeZoneView.class);
        assertThat(view.zone.getValue()).isNull();
        assertThat(view.example.getText()).endsWith("(the team's zone, UTC)");

        view.zone.setValue("Asia/Tokyo");
        test(view.save).click();

        assertThat(jdbc.queryForObject("select time_zone from staff where username = 'ben'", String.class))
                .isEqualTo("Asia/Tokyo");
        assertThat(currentUser.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(view.example.getText()).startsWith("Now: ").endsWith("JST");
    }

    @Test
    void somethingThatIsNotAZoneIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> account.changeTimeZone("Mars/Olympus_Mons"))
                .isInstanceOf(StaffChangeRefused.class)
                .hasMessageContaining("not a time zone");
        assertThat(jdbc.queryForObject("select time_zone from staff where username = 'ben'", String.class))
                .isNull();
    }
}
