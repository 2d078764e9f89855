package com.stackdesk.notification;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where mail goes, decided once from the settings: to the SMTP server of {@code spring.mail.host},
 * else to the embedded one when {@code stackdesk.mail.embedded.enabled} (the demo run), else
 * nowhere yet: emails then wait in the outbox until a server is configured.
 */
enum MailSetup {
    SMTP_SERVER,
    EMBEDDED,
    NOT_CONFIGURED;

    static final String NOT_CONFIGURED_WARNING =
            "No mail server configured (spring.mail.host): emails stay pending in the outbox until one is set";

    static MailSetup of(Environment environment) {
        if (StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            return SMTP_SERVER;
        }
        return environment.getProperty("stackdesk.mail.embedded.enabled", Boolean.class, false)
                ? EMBEDDED
                : NOT_CONFIGURED;
    }
}
