package com.stackdesk.notification;

import org.jspecify.annotations.Nullable;

/** Makes user-typed text safe for a header (subject, display name): one line, no control characters. */
final class Headers {

    private Headers() {}

    static String oneLine(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    static String oneLine(@Nullable String value, int max) {
        var line = oneLine(value);
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
