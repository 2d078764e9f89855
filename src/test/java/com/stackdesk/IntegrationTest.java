package com.stackdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A full Spring context on its own in-memory H2 database (migrated by Flyway), so no test class
 * sees another context's rows and none touches the demo file database. Contexts with the same
 * properties are cached and shared, as usual in Spring tests. Add properties with
 * {@code @TestPropertySource}: they take precedence and keep these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:test-${random.uuid};DB_CLOSE_DELAY=-1",
            "stackdesk.seeds.location=classpath:no-seeds/",
            "vaadin.launch-browser=false",
            // mail flows to the embedded SMTP server, as in the demo run (production has none unless
            // configured: MailWithoutAnSmtpServerTests)
            "stackdesk.mail.embedded.enabled=true",
            // Spring's test context cache pauses the contexts not in use; closing one whose scheduler
            // thread waits paused would otherwise take the full 20 s grace period at the JVM's exit
            "spring.task.scheduling.shutdown.await-termination=false",
            // bcrypt with 16 rounds instead of 1,024: every context hashes passwords (first admin, demo
            // staff, test accounts), each hash over 100 ms at the production strength
            "stackdesk.security.bcrypt-strength=4"
        })
public @interface IntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
