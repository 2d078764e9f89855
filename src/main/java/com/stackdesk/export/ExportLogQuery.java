package com.stackdesk.export;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of the export log to show; every part optional.
 *
 * @param actor the username, or the start of it, in any case
 * @param channel {@code workspace} or {@code api}
 * @param from the first day (UTC), inclusive
 * @param to the last day (UTC), inclusive
 */
public record ExportLogQuery(
        @Nullable String actor,
        @Nullable String channel,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final ExportLogQuery ALL = new ExportLogQuery(null, null, null, null);
}
