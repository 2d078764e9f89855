package com.stackdesk.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start when forwarded headers are taken from every client: with {@code
 * server.forward-headers-strategy=framework} anyone can name their own address in {@code
 * X-Forwarded-For} and so escape the intake rate limit. {@code native} with {@code
 * server.tomcat.remoteip.internal-proxies} trusts only the proxies listed.
 */
@Component
class ForwardedHeadersCheck {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersCheck.class);

    private final Environment environment;

    ForwardedHeadersCheck(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenEveryClientIsTrusted() {
        if ("framework".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", ""))) {
            log.warn("server.forward-headers-strategy=framework believes X-Forwarded-For from every client, so"
                    + " anyone can escape the rate limit: use native and list the proxies in"
                    + " server.tomcat.remoteip.internal-proxies (see config/application.properties)");
        }
    }
}
