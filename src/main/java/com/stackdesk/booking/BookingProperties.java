package com.stackdesk.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings ({@code stackdesk.booking.*}), documented in {@code config/application.properties}.
 *
 * @param businessDays how many weekdays ahead (today included) a visitor may book
 * @param notice how soon a call may start at the earliest
 * @param offerValidity how long the thank-you page's booking link stays valid
 */
@ConfigurationProperties("stackdesk.booking")
public record BookingProperties(
        @DefaultValue("10") int businessDays,
        @DefaultValue("2h") Duration notice,
        @DefaultValue("7d") Duration offerValidity) {}
