package com.stackdesk.base;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the driver send a JDBC batch of inserts as multi-row {@code INSERT}s
 * ({@code reWriteBatchedInserts}): the search index writes about ten term rows per lead, and one
 * statement for a whole batch of them costs the server a fraction of ten. H2 gets nothing (its
 * driver refuses settings it does not know). A value in the operator's URL ({@code
 * ?reWriteBatchedInserts=false}) still wins: the driver reads the URL after these properties.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey(SETTING)) {
            pool.addDataSourceProperty(SETTING, "true");
        }
        return bean;
    }
}
