package com.stackdesk.base;

import java.util.Map;
import org.hibernate.cfg.JdbcSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has Hibernate insert a new row with {@code INSERT ... RETURNING id} rather than
 * through JDBC's generated keys, which the driver sends as {@code RETURNING *}: the server then
 * formats, and the driver reads, every column of every new lead, email and timeline entry only for
 * its id. H2 keeps JDBC's generated keys, which cost nothing there.
 */
@Component
class PostgresInsertReturning implements HibernatePropertiesCustomizer {

    private final boolean postgres;

    PostgresInsertReturning(@Value("${spring.datasource.url:}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        if (postgres) {
            hibernateProperties.putIfAbsent(JdbcSettings.USE_GET_GENERATED_KEYS, "false");
        }
    }
}
