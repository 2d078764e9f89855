package com.stackdesk.export;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export settings ({@code stackdesk.export.*}).
 *
 * @param timeZone the offset timestamps are written in
 * @param byteOrderMark whether CSV files start with a UTF-8 byte-order mark, so Excel reads accents right
 * @param maxConcurrent exports running at once, per instance: each holds one pooled database
 *     connection while it streams (the rows are read as they are written, however slowly the
 *     client takes them), so this many slow clients can never hold the whole pool
 */
@ConfigurationProperties("stackdesk.export")
record ExportProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("true") boolean byteOrderMark,
        @DefaultValue("2") int maxConcurrent) {}
