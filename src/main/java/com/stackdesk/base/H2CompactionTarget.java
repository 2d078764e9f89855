package com.stackdesk.base;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells H2 how empty an H2 file database may get before its background writer rewrites chunks:
 * {@code AUTO_COMPACT_FILL_RATE} ({@code stackdesk.h2.auto-compact-fill-rate}, default 50), added
 * to the URL before the pool opens it unless the URL sets it.
 *
 * <p>H2's own target is 90: its writer rewrites chunks whenever the live pages fill less than 90 %
 * of the file, and under a burst of submissions it does that alongside the requests. On the intake
 * benchmark's file (1.3M leads, 29 GB, its chunks 43 % full after days of runs) the tail of the
 * submissions paid for it: with the default 637.6 leads/s, p99 370 ms; with 50, 842.5 leads/s, p99
 * 220 ms, the same jar right after (README, Performance). At 50 the file may hold up to about twice
 * its live data before H2 rewrites it, and H2 still compacts it fully at a clean shutdown for up to
 * {@code MAX_COMPACT_TIME}. Any other database, or an H2 URL that names the setting, is left alone.
 */
@Component
class H2CompactionTarget implements BeanPostProcessor {

    private final Environment environment;

    H2CompactionTarget(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && H2Housekeeping.isH2File(pool)) {
            pool.setJdbcUrl(withTarget(
                    pool.getJdbcUrl(),
                    environment.getProperty("stackdesk.h2.auto-compact-fill-rate", Integer.class, 50)));
        }
        return bean;
    }

    /** The URL with {@code ;AUTO_COMPACT_FILL_RATE=rate} added, unless it sets that already. */
    static String withTarget(String url, int rate) {
        if (url.toUpperCase(Locale.ROOT).contains(";AUTO_COMPACT_FILL_RATE=")) {
            return url;
        }
        return url + ";AUTO_COMPACT_FILL_RATE=" + rate;
    }
}
