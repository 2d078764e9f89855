package com.stackdesk.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The call hours editor on the demo data, where every rep starts with 09:00-17:00 on weekdays in
 * their own zone, the team's (UTC): one zone per person, changed here as under Time zone.
 */
@IntegrationTest
@DemoData
class CallHoursViewTests extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void restoreDemoHours() {
        jdbc.update("update staff set time_zone = null");
        jdbc.update("delete from call_hours");
        jdbc.update("insert into call_hours (staff_id, day_of_week, from_time, to_time)"
                + " select s.staff_id, d.x, '09:00:00', '17:00:00' from call_schedule s"
                + " cross join (select 1 x union all select 2 union all select 3 union all select 4"
                + " union all select 5) d");
    }

    @Test
    @WithUserDetails("ben")
    void aRepChangesTheirOwnCallHours() {
        var view = navigate(CallHoursView.class);
        assertThat(view.whose.isVisible() && view.whose.getParent().isPresent()).isFalse();
        assertThat(view.zone.getValue()).isEqualTo("UTC");
        assertThat(view.open.get(DayOfWeek.MONDAY).getValue()).isTrue();
        assertThat(view.open.get(DayOfWeek.SATURDAY).getValue()).isFalse();

        test(view.open.get(DayOfWeek.WEDNESDAY)).click();
        view.from.get(DayOfWeek.MONDAY).setValue(LocalTime.of(10, 0));
        view.to.get(DayOfWeek.MONDAY).setValue(LocalTime.of(12, 30));
        test(view.zone).selectItem("Europe/Lisbon");
        test(view.save).click();

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(hoursOf("ben"))
                .containsExactly(
                        Map.of("day_of_week", 1, "from_time", "10:00:00", "to_time", "12:30:00"),
                        Map.of("day_of_week", 2, "from_time", "09:00:00", "to_time", "17:00:00"),
                        Map.of("day_of_week", 4, "from_time", "09:00:00", "to_time", "17:00:00"),
                        Map.of("day_of_week", 5, "from_time", "09:00:00", "to_time", "17:00:00"));
        assertThat(jdbc.queryForObject("select time_zone from staff where username = 'ben'", String.class))
                .isEqualTo("Europe/Lisbon");
        assertThat(currentUser.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(navigate(CallHoursView.class).zone.getValue()).isEqualTo("Europe/Lisbon");
    }

    @Test
    @WithUserDetails("ben")
    void hoursThatEndBeforeTheyStartAreRefusedAndChangeNothing() {
        var before = hoursOf("ben");
        var view = navigate(CallHoursView.class);

        view.from.get(DayOfWeek.TUESDAY).setValue(LocalTime.of(12, 0));
        view.to.get(DayOfWeek.TUESDAY).setValue(LocalTime.of(11, 0));
        test(view.save).click();

        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo("Tuesday: the hours end after they start.");
        assertThat(hoursOf("ben")).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void anAdminChoosesWhoseCallHoursToChange() {
        var view = navigate(CallHoursView.class);
        assertThat(view.whose.getValue()).isNotNull();

        test(view.whose).selectItem("Chloé Martin");
        test(view.open.get(DayOfWeek.FRIDAY)).click();
        test(view.save).click();

        assertThat(hoursOf("chloe")).extracting(row -> row.get("day_of_week")).containsExactly(1, 2, 3, 4);
        assertThat(jdbc.queryForObject("select time_zone from staff where username = 'chloe'", String.class))
                .isNull();

        test(view.zone).selectItem("America/New_York");
        test(view.save).click();

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(jdbc.queryForObject("select time_zone from staff where username = 'chloe'", String.class))
                .isEqualTo("America/New_York");
        assertThat(jdbc.queryForObject(
                        "select a.actor from staff_audit a join staff m on m.id = a.staff_id"
                                + " where m.username = 'chloe' and a.field = 'time zone' and a.new_value = 'America/New_York'",
                        String.class))
                .isEqualTo("admin");
        assertThat(view.whose.getListDataView().getItems().map(StaffDirectory.Assignee::fullName))
                .doesNotContain("Ada Admin");
    }

    private List<Map<String, Object>> hoursOf(String username) {
        return jdbc
                .queryForList(
                        "select h.day_of_week, h.from_time, h.to_time from call_hours h join staff m on m.id = h.staff_id"
                                + " where m.username = ? order by h.day_of_week",
                        username)
                .stream()
                .map(row -> Map.<String, Object>of(
                        "day_of_week", ((Number) row.get("DAY_OF_WEEK")).intValue(),
                        "from_time", String.valueOf(row.get("FROM_TIME")),
                        "to_time", String.valueOf(row.get("TO_TIME"))))
                .toList();
    }
}
