package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The app's H2 database keeps 64 parsed statements per connection, and a file database compacts
 * towards 50 %, unless the URL says otherwise.
 */
class H2UrlSettingsTests {

    @TempDir
    Path directory;

    @Test
    void anH2FileDatabaseOpensWithTheAppsCompactionTargetAndQueryCache() {
        var url = "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertThat(settingOnOpen(url, "AUTO_COMPACT_FILL_RATE")).isEqualTo("50");
        assertThat(settingOnOpen(url, "QUERY_CACHE_SIZE")).isEqualTo("64");
    }

    @Test
    void anInMemoryDatabaseGetsTheQueryCacheOnly() {
        var url = "jdbc:h2:mem:url-settings;DB_CLOSE_DELAY=-1";
        assertThat(settingOnOpen(url, "QUERY_CACHE_SIZE")).isEqualTo("64");
        try (var context = context(url)) {
            assertThat(((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl())
                    .isEqualTo(url + ";QUERY_CACHE_SIZE=64");
        }
    }

    @Test
    void aUrlThatNamesASettingKeepsIt() {
        var url = "jdbc:h2:file:" + directory.resolve("db")
                + ";DB_CLOSE_ON_EXIT=FALSE;auto_compact_fill_rate=70;query_cache_size=16";
        assertThat(settingOnOpen(url, "AUTO_COMPACT_FILL_RATE")).isEqualTo("70");
        assertThat(settingOnOpen(url, "QUERY_CACHE_SIZE")).isEqualTo("16");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        for (var url : new String[] {"jdbc:h2:tcp://localhost/db", "jdbc:postgresql://localhost/stackdesk"}) {
            var pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            new H2UrlSettings(new MockEnvironment()).postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getJdbcUrl()).isEqualTo(url);
        }
    }

    private String settingOnOpen(String url, String setting) {
        try (var context = context(url);
                var pool = (HikariDataSource) context.getBean(DataSource.class)) {
            return JdbcClient.create(pool)
                    .sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")
                    .param(setting)
                    .query(String.class)
                    .single();
        }
    }

    private static AnnotationConfigApplicationContext context(String url) {
        var context = new AnnotationConfigApplicationContext();
        context.register(H2UrlSettings.class);
        context.registerBean(DataSource.class, () -> {
            var pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername("sa");
            pool.setMaximumPoolSize(1);
            return pool;
        });
        context.refresh();
        return context;
    }
}
