package com.stackdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link ApplicationModuleTest}: only the test's module (and, by mode, the modules it depends
 * on) is bootstrapped, on its own in-memory H2 database migrated by Flyway, as {@link
 * IntegrationTest} has it. What lies outside the module is mocked in the test ({@code @MockitoBean}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// base (the clock, the app shell) is an open module every module uses, so it is always started
@ApplicationModuleTest(extraIncludes = "base")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:module-${random.uuid};DB_CLOSE_DELAY=-1",
            "stackdesk.seeds.location=classpath:no-seeds/",
            "vaadin.launch-browser=false",
            "stackdesk.mail.embedded.enabled=true",
            "spring.task.scheduling.shutdown.await-termination=false",
            // bcrypt with 16 rounds instead of 1,024: every context hashes passwords (first admin, demo
            // staff, test accounts), each hash over 100 ms at the production strength
            "stackdesk.security.bcrypt-strength=4"
        })
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    ApplicationModuleTest.BootstrapMode mode() default ApplicationModuleTest.BootstrapMode.STANDALONE;
}
