package com.stackdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Where mail goes ({@link MailSetup}): to {@code spring.mail.host}/{@code spring.mail.port} when set
 * (Spring Boot's own mail sender), to an embedded SMTP server started here in the demo run, or
 * nowhere yet: then there is no {@link JavaMailSender} at all, the dispatcher sends nothing and
 * emails stay pending. Only the embedded server's beans depend on a setting here; scheduling (the
 * dispatcher's included) is switched on in {@code base}, whatever the mail settings.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** The mail server in the health report, in place of Spring Boot's (which would take health down). */
    @Bean
    MailHealthIndicator mailHealthIndicator(ObjectProvider<JavaMailSender> senders, Environment environment) {
        return new MailHealthIndicator(MailSetup.of(environment), senders.getIfAvailable(), environment);
    }

    /** Said once at start: without a mail server nothing is lost, but nothing goes out either. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> warnWhenNoMailServer(Environment environment) {
        return ready -> {
            if (MailSetup.of(environment) == MailSetup.NOT_CONFIGURED) {
                log.warn(MailSetup.NOT_CONFIGURED_WARNING);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedSmtpServerWanted.class)
    static class EmbeddedSmtp {

        @Bean(destroyMethod = "close")
        EmbeddedSmtpServer embeddedSmtpServer(NotificationProperties properties) {
            return new EmbeddedSmtpServer(
                    properties.embedded().port(), properties.embedded().keep());
        }

        /** Moves what the server received into its ring buffer, also while nobody opens the mail log. */
        @Bean
        EmbeddedSmtpDrain embeddedSmtpDrain(EmbeddedSmtpServer server) {
            return new EmbeddedSmtpDrain(server);
        }

        @Bean
        JavaMailSender embeddedMailSender(EmbeddedSmtpServer server) {
            var sender = new JavaMailSenderImpl() {
                @Override
                protected void doSend(MimeMessage[] messages, Object @Nullable [] originals) {
                    for (var message : messages) {
                        try {
                            message.setHeader(EmbeddedSmtpServer.SECRET_HEADER, server.secret());
                        } catch (MessagingException e) {
                            throw new MailPreparationException(e);
                        }
                    }
                    super.doSend(messages, originals);
                    server.drain();
                }
            };
            sender.setHost(EmbeddedSmtpServer.HOST);
            sender.setPort(server.port());
            sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
            return sender;
        }
    }

    static class EmbeddedSmtpDrain {

        private final EmbeddedSmtpServer server;

        EmbeddedSmtpDrain(EmbeddedSmtpServer server) {
            this.server = server;
        }

        @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
        void drain() {
            server.drain();
        }
    }

    /**
     * True when {@code spring.mail.host} is not set and the embedded server is switched on. Only the
     * embedded server's beans depend on it: Spring Boot's mail sender keys on {@code spring.mail.host}
     * alone.
     */
    static class EmbeddedSmtpServerWanted implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return MailSetup.of(context.getEnvironment()) == MailSetup.EMBEDDED;
        }
    }
}
