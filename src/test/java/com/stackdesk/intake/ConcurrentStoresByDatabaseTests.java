package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code stackdesk.intake.concurrent-stores}, bound as the app binds it, on each database. */
class ConcurrentStoresByDatabaseTests {

    private static IntakeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("stackdesk.intake", IntakeProperties.class);
    }

    @Test
    void unsetStoresOneTransactionAtATimeOnH2AndFourOnPostgres() {
        var unset = bind(Map.of());

        assertThat(unset.concurrentStoresOn("H2")).isEqualTo(1);
        assertThat(unset.concurrentStoresOn("PostgreSQL")).isEqualTo(4);
    }

    @Test
    void anOperatorsSettingHoldsOnEveryDatabase() {
        var set = bind(Map.of("stackdesk.intake.concurrent-stores", "2"));

        assertThat(set.concurrentStoresOn("H2")).isEqualTo(2);
        assertThat(set.concurrentStoresOn("PostgreSQL")).isEqualTo(2);
    }
}
