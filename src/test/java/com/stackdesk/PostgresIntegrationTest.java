package com.stackdesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs an {@link IntegrationTest} on PostgreSQL instead of H2: each Spring context gets a fresh
 * database of its own on the test JVM's {@link PostgresServer}, holding the schema of the same
 * Flyway migrations (a copy of a database migrated once per server, see {@link
 * PostgresServer#createMigratedDatabase()}; the context's Flyway validates it). Put it on a subclass
 * of an H2 test ({@code class XxxOnPostgresTests extends XxxTests}) so the same tests run on both
 * databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(PostgresDatabaseCustomizerFactory.class)
public @interface PostgresIntegrationTest {

    /**
     * Whether the context gets an empty database and migrates it itself, as a new installation
     * does, instead of a copy of a migrated one.
     */
    boolean migratedByTheContext() default false;
}
