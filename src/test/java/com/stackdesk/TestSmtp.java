package com.stackdesk;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for a test class that reads the emails the app sends:
 *
 * <pre>
 * &#64;RegisterExtension
 * static GreenMailExtension smtp = TestSmtp.server();
 *
 * &#64;DynamicPropertySource
 * static void smtpServer(DynamicPropertyRegistry registry) {
 *     TestSmtp.sendTo(smtp, registry);
 * }
 * </pre>
 *
 * Each class keeps its own {@code @DynamicPropertySource} method on purpose: Spring caches contexts
 * by it, so two classes never share a context whose mail settings point at the other's (stopped)
 * server. Tests that start the app themselves (another process, a server to stop and restart)
 * use {@link #start(int)} instead.
 */
public final class TestSmtp {

    private TestSmtp() {}

    /** A server on a free port, up from the class's first test to its last. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    /** Points the app's mail sender at {@code smtp}. */
    public static void sendTo(GreenMailExtension smtp, DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    /**
     * A started server on 127.0.0.1 that accepts mail without authentication, for tests that stop
     * and restart it or hand its port to an app they start themselves.
     *
     * @param port the port, or 0 for a free one ({@code getSmtp().getPort()} tells which)
     */
    public static GreenMail start(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }
}
