package com.stackdesk.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address links in emails start with: {@code stackdesk.mail.workspace-url}. Unset, links point
 * to this machine ({@code http://localhost:<server.port>}), which staff cannot open from their
 * mail: the app then says so once at start and on the Outbox and Mail log pages, instead of
 * mailing such links in silence.
 */
@Component
class WorkspaceLinks {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceLinks.class);

    private final String base;
    private final boolean configured;

    WorkspaceLinks(NotificationProperties properties, Environment environment) {
        var url = properties.workspaceUrl();
        this.configured = url != null && !url.isBlank();
        if (configured) {
            var stripped = url.strip();
            this.base = stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
        } else {
            int port = environment.getProperty("server.port", Integer.class, 8080);
            this.base = "http://localhost:" + (port > 0 ? port : 8080);
        }
    }

    /** The address followed by {@code path} ("/leads/SD-..."). */
    String to(String path) {
        return base + path;
    }

    /** Why the links in emails will not work for staff, or null when the address is set. */
    @Nullable
    String warning() {
        return configured
                ? null
                : "stackdesk.mail.workspace-url is not set: links in emails point to " + base
                        + ", which opens only on this machine. Set it to the address staff reach the workspace at"
                        + " (config/application.properties).";
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenUnset() {
        var warning = warning();
        if (warning != null) {
            log.warn(warning);
        }
    }
}
