package com.stackdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link IntegrationTest} with the demo seeds (seeds/staff.csv, seeds/leads.csv) loaded
 * into its own in-memory database, as the README's demo run does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("demo")
@TestPropertySource(properties = "stackdesk.seeds.location=file:seeds/")
public @interface DemoData {}
