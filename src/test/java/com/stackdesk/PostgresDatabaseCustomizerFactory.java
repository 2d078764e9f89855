package com.stackdesk;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the data source of a {@link PostgresIntegrationTest}'s context at a new PostgreSQL
 * database, as {@link IntegrationTest} gives each H2 context an in-memory database of its own.
 */
class PostgresDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        var settings = AnnotatedElementUtils.findMergedAnnotation(testClass, PostgresIntegrationTest.class);
        return new FreshPostgresDatabase(settings != null && settings.migratedByTheContext());
    }

    /**
     * Equal to every other instance of the same kind: a context's cache key then differs from its H2
     * twin's only in being on PostgreSQL, and contexts with otherwise equal settings are shared as
     * usual.
     *
     * @param empty whether the database is empty, for the context's Flyway to migrate
     */
    private record FreshPostgresDatabase(boolean empty) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var database = empty ? PostgresServer.createDatabase() : PostgresServer.createMigratedDatabase();
            // first: wins over the H2 URL that @IntegrationTest sets as an inlined property
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "postgresTestDatabase",
                            Map.of(
                                    "spring.datasource.url", database.url(),
                                    "spring.datasource.username", database.username(),
                                    "spring.datasource.password", database.password())));
        }
    }
}
