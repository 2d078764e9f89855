package com.stackdesk.base;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Adds two H2 settings to the URL before the pool opens it, each unless the URL names it:
 *
 * <ul>
 *   <li>{@code QUERY_CACHE_SIZE=64} (embedded H2): how many parsed statements each connection
 *       keeps. H2 keeps 8; a submission runs about a dozen different statements (fingerprint,
 *       duplicate check, allowance, reference, lead, timeline, search queue, outbox), so with 8 every
 *       one of them was parsed again each time: 4.5 % of the app's CPU under a burst of submissions
 *       (JFR, README, Performance).
 *   <li>{@code AUTO_COMPACT_FILL_RATE} (H2 file databases; {@code stackdesk.h2.auto-compact-fill-rate},
 *       default 50): how empty the file may get before H2's background writer rewrites chunks. H2's
 *       own target is 90: its writer rewrites chunks whenever the live pages fill less than 90 % of
 *       the file, and under a burst of submissions it does that alongside the requests. On the
 *       intake benchmark's file (1.3M leads, 29 GB, its chunks 43 % full after days of runs) the
 *       tail of the submissions paid for it: with the default 637.6 leads/s, p99 370 ms; with 50,
 *       842.5 leads/s, p99 220 ms, the same jar right after (README, Performance). At 50 the file
 *       may hold up to about twice its live data before H2 rewrites it, and H2 still compacts it
 *       fully at a clean shutdown for up to {@code MAX_COMPACT_TIME}.
 * </ul>
 *
 * Any other database, and H2 over TCP (the server's own settings apply), are left alone.
 */
@Component
class H2UrlSettings implements BeanPostProcessor {

    static final int QUERY_CACHE_SIZE = 64;

    private final Environment environment;

    H2UrlSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && H2Housekeeping.isEmbeddedH2(pool.getJdbcUrl())) {
            var url = with(pool.getJdbcUrl(), "QUERY_CACHE_SIZE", QUERY_CACHE_SIZE);
            if (H2Housekeeping.isH2File(pool)) {
                url = with(
                        url,
                        "AUTO_COMPACT_FILL_RATE",
                        environment.getProperty("stackdesk.h2.auto-compact-fill-rate", Integer.class, 50));
            }
            pool.setJdbcUrl(url);
        }
        return bean;
    }

    /** The URL with {@code ;SETTING=value} added, unless it sets that already. */
    static String with(String url, String setting, int value) {
        if (url.toUpperCase(Locale.ROOT).contains(";" + setting + "=")) {
            return url;
        }
        return url + ";" + setting + "=" + value;
    }
}
