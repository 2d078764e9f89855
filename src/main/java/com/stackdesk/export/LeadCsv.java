package com.stackdesk.export;

import com.stackdesk.lead.LeadExportRow;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the lead CSV (documented in the README) and how each value is written:
 * timestamps as ISO-8601 with offset, choices by their labels, and any cell that a spreadsheet
 * would run as a formula neutralized with a leading apostrophe.
 */
final class LeadCsv {

    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private record Column(String name, Function<LeadExportRow, @Nullable Object> value, boolean phone) {
        Column(String name, Function<LeadExportRow, @Nullable Object> value) {
            this(name, value, false);
        }
    }

    private final List<Column> columns;
    private final ZoneId zone;

    LeadCsv(ZoneId zone, LongFunction<String> assigneeName) {
        this.zone = zone;
        this.columns = List.of(
                new Column("reference", LeadExportRow::reference),
                new Column("kind", r -> r.kind().label()),
                new Column("status", r -> r.status().label()),
                new Column("created_at", r -> time(r.createdAt())),
                new Column("first_name", LeadExportRow::firstName),
                new Column("last_name", LeadExportRow::lastName),
                new Column("email", LeadExportRow::email),
                new Column("phone", LeadExportRow::phone, true),
                new Column("company", LeadExportRow::company),
                new Column("stack", r -> r.stack().label()),
                new Column(
                        "contact_method",
                        r -> r.contactMethod() == null
                                ? null
                                : r.contactMethod().label()),
                new Column("preferred_contact_at", r -> time(r.preferredContactAt())),
                new Column("visitor_time_zone", LeadExportRow::visitorTimeZone),
                new Column("message", LeadExportRow::message),
                new Column(
                        "project_type",
                        r -> r.projectType() == null ? null : r.projectType().label()),
                new Column("budget", r -> r.budget() == null ? null : r.budget().label()),
                new Column(
                        "timeline",
                        r -> r.timeline() == null ? null : r.timeline().label()),
                new Column(
                        "team_size",
                        r -> r.teamSize() == null ? null : r.teamSize().label()),
                new Column("assignee", r -> r.assigneeId() == null ? null : assigneeName.apply(r.assigneeId())),
                new Column("first_response_at", r -> time(r.firstResponseAt())),
                new Column("lost_reason", LeadExportRow::lostReason),
                new Column("lost_reason_category", LeadExportRow::lostReasonLabel),
                new Column("routing_reason", LeadExportRow::routingReason),
                new Column("source", r -> r.source().label()),
                new Column("utm_source", r -> r.source().utmSource()),
                new Column("utm_medium", r -> r.source().utmMedium()),
                new Column("utm_campaign", r -> r.source().utmCampaign()),
                new Column("utm_term", r -> r.source().utmTerm()),
                new Column("utm_content", r -> r.source().utmContent()),
                new Column("referrer", r -> r.source().referrer()),
                new Column("landing_page", r -> r.source().landingPage()),
                new Column("consent_version", LeadExportRow::consentVersion),
                new Column("consent_at", r -> time(r.consentAt())),
                new Column("client_ip", LeadExportRow::clientIp),
                new Column("suspected_spam", LeadExportRow::suspectedSpam),
                new Column("spam_reason", LeadExportRow::spamReason),
                new Column(
                        "assistant_recommendation",
                        r -> r.assistant() == null ? null : r.assistant().recommendation()),
                new Column(
                        "assistant_quote",
                        r -> r.assistant() == null ? null : r.assistant().quote()),
                new Column(
                        "assistant_answers",
                        r -> r.assistant() == null ? null : r.assistant().answers()));
    }

    void printHeader(CSVPrinter printer) throws IOException {
        for (var column : columns) {
            printer.print(column.name());
        }
        printer.println();
    }

    void print(CSVPrinter printer, LeadExportRow row) throws IOException {
        for (var column : columns) {
            var value = column.value().apply(row);
            if (value == null) {
                printer.print("");
            } else {
                printer.print(column.phone() ? neutralizedPhone(value.toString()) : neutralized(value.toString()));
            }
        }
        printer.println();
    }

    /**
     * A cell whose first non-blank character is {@code = + - @} (or their fullwidth forms {@code ＝ ＋
     * － ＠}, which spreadsheets with East Asian input settings read the same), or that starts with a
     * tab or carriage return, is a formula to Excel and LibreOffice; a leading apostrophe makes them
     * show it as text (OWASP's advice for CSV injection). Blank means any Unicode white space,
     * including the no-break space, and invisible format characters: spreadsheets skip those before
     * they look for a formula.
     */
    static String neutralized(String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.charAt(0) == '\t' || value.charAt(0) == '\r') {
            return "'" + value;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!isBlank(cp)) {
                return isFormulaTrigger(cp) ? "'" + value : value;
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    /**
     * A phone number like {@code +49 30 1234567} keeps its plus: made only of digits, spaces and
     * {@code + ( ) -}, it holds no function name, cell reference or link a spreadsheet could run,
     * only arithmetic on numbers. Anything else in a phone cell is neutralized like any cell.
     */
    static String neutralizedPhone(String value) {
        return value.chars().allMatch(c -> (c >= '0' && c <= '9') || " +()-".indexOf(c) >= 0)
                ? value
                : neutralized(value);
    }

    private static boolean isFormulaTrigger(int cp) {
        return switch (cp) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT;
    }

    /** ISO-8601 with offset, e.g. {@code 2026-11-27T09:30:00+00:00}; by hand, as DateTimeFormatter is slow per million. */
    private @Nullable String time(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        var local = instant.atZone(zone);
        var sb = new StringBuilder(25);
        pad(sb, local.getYear(), 4).append('-');
        pad(sb, local.getMonthValue(), 2).append('-');
        pad(sb, local.getDayOfMonth(), 2).append('T');
        pad(sb, local.getHour(), 2).append(':');
        pad(sb, local.getMinute(), 2).append(':');
        pad(sb, local.getSecond(), 2);
        var offset = local.getOffset().getTotalSeconds();
        sb.append(offset < 0 ? '-' : '+');
        pad(sb, Math.abs(offset) / 3600, 2).append(':');
        return pad(sb, Math.abs(offset) / 60 % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        var digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
