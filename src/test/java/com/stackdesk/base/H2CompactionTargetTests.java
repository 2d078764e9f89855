package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The app's H2 file database compacts towards 50 % unless its URL says otherwise. */
class H2CompactionTargetTests {

    @TempDir
    Path directory;

    @Test
    void anH2FileDatabaseOpensWithTheAppsCompactionTarget() {
        assertThat(settingOnOpen("jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("50");
    }

    @Test
    void aUrlThatNamesTheSettingKeepsIt() {
        assertThat(settingOnOpen("jdbc:h2:file:" + directory.resolve("db")
                        + ";DB_CLOSE_ON_EXIT=FALSE;auto_compact_fill_rate=70"))
                .isEqualTo("70");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(H2CompactionTarget.withTarget("jdbc:h2:file:./db;X=1", 50))
                .isEqualTo("jdbc:h2:file:./db;X=1;AUTO_COMPACT_FILL_RATE=50");
        try (var context = context("jdbc:h2:mem:compaction-target")) {
            assertThat(((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl())
                    .isEqualTo("jdbc:h2:mem:compaction-target");
        }
    }

    private String settingOnOpen(String url) {
        try (var context = context(url);
                var pool = (HikariDataSource) context.getBean(DataSource.class)) {
            return JdbcClient.create(pool)
                    .sql(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'AUTO_COMPACT_FILL_RATE'")
                    .query(String.class)
                    .single();
        }
    }

    private static AnnotationConfigApplicationContext context(String url) {
        var context = new AnnotationConfigApplicationContext();
        context.register(H2CompactionTarget.class);
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
