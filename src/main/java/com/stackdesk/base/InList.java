package com.stackdesk.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The placeholders and values of an {@code IN (?, ?, ...)} list, its length rounded up to a power
 * of two by repeating the last value: a statement of any batch size is then one of a few texts, so
 * the database's cache of parsed statements (H2 keeps 64 a connection, see {@link H2UrlSettings})
 * holds them instead of one text for every size.
 */
public record InList(String placeholders, List<Object> values) {

    public static InList of(List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An IN list needs at least one value");
        }
        int size = Integer.highestOneBit(values.size());
        if (size < values.size()) {
            size *= 2;
        }
        var padded = new ArrayList<Object>(values);
        while (padded.size() < size) {
            padded.add(values.getLast());
        }
        return new InList(String.join(", ", Collections.nCopies(size, "?")), List.copyOf(padded));
    }
}
