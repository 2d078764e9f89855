package com.stackdesk.notification;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail server in {@code /actuator/health} as {@code mail}: {@code UP} when it answers, {@link
 * #UNREACHABLE} when it does not, {@link #NOT_CONFIGURED} without one. Neither takes the app's
 * health down: emails wait in the outbox meanwhile, and visitors are served as usual. That holds
 * because {@code management.endpoint.health.status.order} (application.properties) ranks both
 * below {@code UP}. Details (the server's address, the error; never credentials) are for admins.
 *
 * <p>The anonymous health endpoint must not become a way to open SMTP connections at will: one
 * check's answer is kept for {@link #CHECK_EVERY}.
 */
class MailHealthIndicator implements HealthIndicator {

    static final Status NOT_CONFIGURED =
            new Status("NOT_CONFIGURED", "No mail server configured (spring.mail.host): emails stay pending");
    static final Status UNREACHABLE =
            new Status("UNREACHABLE", "The mail server does not answer: emails wait in the outbox");
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private record Checked(Health health, Instant at) {}

    private final MailSetup setup;
    private final @Nullable JavaMailSender sender;
    private final String server;
    private final Clock clock = Clock.systemUTC();
    private volatile @Nullable Checked last;

    MailHealthIndicator(MailSetup setup, @Nullable JavaMailSender sender, Environment environment) {
        this.setup = setup;
        this.sender = sender;
        this.server = sender instanceof JavaMailSenderImpl impl
                ? impl.getHost() + ":" + impl.getPort()
                : environment.getProperty("spring.mail.host", "") + ":"
                        + environment.getProperty("spring.mail.port", "");
    }

    @Override
    public Health health() {
        if (sender == null) {
            return Health.status(NOT_CONFIGURED).build();
        }
        var checked = last;
        var now = clock.instant();
        if (checked == null || checked.at().plus(CHECK_EVERY).isBefore(now)) {
            checked = new Checked(check(), now);
            last = checked;
        }
        return checked.health();
    }

    private Health check() {
        var health = setup == MailSetup.EMBEDDED
                ? Health.up().withDetail("server", "embedded, " + server)
                : Health.up().withDetail("server", server);
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return health.build();
        }
        try {
            impl.testConnection();
            return health.build();
        } catch (MessagingException | RuntimeException e) {
            return health.status(UNREACHABLE)
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
