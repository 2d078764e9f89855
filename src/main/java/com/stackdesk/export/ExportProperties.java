package com.stackdesk.export;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export settings ({@code stackdesk.export.*}).
 *
 * @param timeZone the offset timestamps are written in
 * @param byteOrderMark whether CSV files start with a UTF-8 byte-order mark, so Excel reads accents right
 */
@ConfigurationProperties("stackdesk.export")
record ExportProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("true") boolean byteOrderMark) {}
