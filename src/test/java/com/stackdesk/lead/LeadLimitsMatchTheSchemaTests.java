package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The forms validate against LeadLimits; the columns must hold exactly that much. */
@IntegrationTest
class LeadLimitsMatchTheSchemaTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyLimitedColumnIsSizedByLeadLimits() {
        var expected = Map.ofEntries(
                Map.entry("FIRST_NAME", LeadLimits.NAME),
                Map.entry("LAST_NAME", LeadLimits.NAME),
                Map.entry("EMAIL", LeadLimits.EMAIL),
                Map.entry("PHONE", LeadLimits.PHONE),
                Map.entry("COMPANY", LeadLimits.COMPANY),
                Map.entry("MESSAGE", LeadLimits.MESSAGE),
                Map.entry("UTM_SOURCE", LeadLimits.UTM),
                Map.entry("UTM_MEDIUM", LeadLimits.UTM),
                Map.entry("UTM_CAMPAIGN", LeadLimits.UTM),
                Map.entry("UTM_TERM", LeadLimits.UTM),
                Map.entry("UTM_CONTENT", LeadLimits.UTM),
                Map.entry("REFERRER", LeadLimits.URL),
                Map.entry("LANDING_PAGE", LeadLimits.URL),
                Map.entry("CONSENT_VERSION", LeadLimits.CONSENT_VERSION),
                Map.entry("VISITOR_TIME_ZONE", LeadLimits.TIME_ZONE),
                Map.entry("CLIENT_IP", LeadLimits.IP),
                Map.entry("ASSISTANT_ANSWERS", LeadLimits.ASSISTANT_ANSWERS),
                Map.entry("ASSISTANT_RECOMMENDATION", LeadLimits.ASSISTANT_RECOMMENDATION),
                Map.entry("ASSISTANT_QUOTE", LeadLimits.ASSISTANT_QUOTE),
                Map.entry("FOLLOW_UP_TEXT", LeadLimits.FOLLOW_UP));

        expected.forEach((column, limit) -> assertThat(jdbc.queryForObject(
                        // H2 keeps unquoted names in upper case, PostgreSQL in lower case
                        "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE UPPER(TABLE_NAME) = 'LEAD' AND UPPER(COLUMN_NAME) = ?",
                        Integer.class,
                        column))
                .as(column)
                .isEqualTo(limit));
    }
}
