package com.stackdesk.notification;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
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
            return new EmbeddedSmtpServer(properties.embedded().port());
        }

        @Bean
        JavaMailSender embeddedMailSender(EmbeddedSmtpServer server) {
            var sender = new JavaMailSenderImpl();
            sender.setHost(EmbeddedSmtpServer.HOST);
            sender.setPort(server.port());
            sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
            return sender;
        }
    }

    /** With an SMTP server configured the mail log has nothing to show; it says where mail goes instead. */
    @Bean
    @Conditional(SmtpServerConfigured.class)
    MailLog externalMailLog(Environment environment) {
        var host = environment.getProperty("spring.mail.host", "");
        var port = environment.getProperty("spring.mail.port", "25");
        return new MailLog() {
            @Override
            public boolean embedded() {
                return false;
            }

            @Override
            public String destination() {
                return StringUtils.hasText(host)
                        ? "SMTP server " + host + ":" + port
                        : "nowhere: no SMTP server configured and the embedded one is switched off";
            }

            @Override
            public java.util.List<LoggedMail> messages() {
                return java.util.List.of();
            }
        };
    }

    static class SmtpServerConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new NoSmtpServerConfigured().matches(context, metadata);
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
