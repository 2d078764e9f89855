package com.stackdesk.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Beans every module shares, and scheduling, which the outbox dispatcher, routing's sweep, the
 * intake's and sign-in's clean-ups all use: switched on here, so no module's settings can switch it
 * off for the others (it once sat on the mail configuration). Spring Modulith's moments
 * auto-configuration happens to switch it on as well; nothing here relies on that.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BaseConfiguration {

    /** The one source of "now", so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
