package com.stackdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StringUtils;

/**
 * Where mail goes: to {@code spring.mail.host}/{@code spring.mail.port} when set (Spring Boot's own
 * mail sender), otherwise to an embedded SMTP server started here. Also runs the outbox
 * dispatcher's schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoSmtpServerConfigured.class)
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

    /** True when {@code spring.mail.host} is not set and the embedded server is not switched off. */
    static class NoSmtpServerConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return !StringUtils.hasText(env.getProperty("spring.mail.host"))
                    && env.getProperty("stackdesk.mail.embedded.enabled", Boolean.class, true);
        }
    }
}
