package com.stackdesk.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings ({@code stackdesk.mail.*}), documented in {@code config/application.properties}.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address; the display name is {@code stackdesk.consultancy-name}
 * @param workspaceUrl the workspace's address as staff reach it, for links in emails; unset, links
 *     point to localhost and the app warns (see {@link WorkspaceLinks})
 * @param templatesDir operator overrides of the templates and messages under {@code templates/mail/}
 */
@ConfigurationProperties("stackdesk.mail")
public record NotificationProperties(
        @DefaultValue("hello@northwind.example") String from,
        @org.jspecify.annotations.Nullable String workspaceUrl,
        @DefaultValue("config/templates/mail/") String templatesDir,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Embedded embedded) {

    /**
     * The outbox dispatcher.
     *
     * @param enabled whether it runs on a schedule (tests switch it off and call it directly)
     * @param interval pause between two runs
     * @param batchSize emails claimed at once
     * @param maxAttempts an email the server refused this many times is marked failed (retry from the
     *     outbox view); while the server is unreachable emails wait, however long it takes
     * @param initialBackoff wait after the first failure; doubled after each further one
     * @param maxBackoff the longest wait between two attempts
     * @param claimTimeout an email claimed longer ago than this by a dispatcher that vanished goes back to pending
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("12") int maxAttempts,
            @DefaultValue("10s") Duration initialBackoff,
            @DefaultValue("30m") Duration maxBackoff,
            @DefaultValue("5m") Duration claimTimeout) {}

    /**
     * The embedded SMTP server of the demo run, started only when {@code spring.mail.host} is not set.
     *
     * @param enabled whether to start it; off by default (emails then wait in the outbox until
     *     {@code spring.mail.host} is set), on in the {@code demo} profile
     * @param port its port on 127.0.0.1; when taken, a free one is used and logged
     * @param keep how many of the newest received messages the mail log keeps in memory
     */
    public record Embedded(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("3025") int port,
            @DefaultValue("200") int keep) {}
}
