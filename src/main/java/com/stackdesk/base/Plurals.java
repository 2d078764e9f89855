package com.stackdesk.base;

import java.util.Locale;

/**
 * A count with its noun as staff and visitors read it: "1 minute", "2 minutes", "1,204 leads".
 * The one place a message puts a number before a noun, so none says "1 minutes".
 */
public final class Plurals {

    private Plurals() {}

    /** The count and the noun, with an "s" unless the count is 1: {@code count(3, "lead")} is "3 leads". */
    public static String count(long count, String singular) {
        return count(count, singular, singular + "s");
    }

    /** For nouns whose plural is not the singular with an "s": {@code count(2, "reply", "replies")}. */
    public static String count(long count, String singular, String plural) {
        return String.format(Locale.ENGLISH, "%,d", count) + " " + (count == 1 ? singular : plural);
    }
}
