package com.stackdesk.export;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads an export back the way a spreadsheet does: RFC 4180, the first row names the columns. */
public final class CsvRows {

    private CsvRows() {}

    /** The rows of {@code csv}, by column name; a leading byte-order mark is skipped. */
    public static List<CSVRecord> parse(String csv) throws Exception {
        var text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }
}
