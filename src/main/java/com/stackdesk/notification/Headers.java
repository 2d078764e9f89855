package com.stackdesk.notification;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import org.jspecify.annotations.Nullable;

/**
 * Header text both ways: user-typed text made safe for a header (subject, display name: one line,
 * no control characters), and a received header made readable (encoded words decoded).
 */
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

    /**
     * A header as people read it: {@code =?UTF-8?Q?Zo=C3=AB_Brooks?= <zoe@brooks.example>} becomes
     * "Zoë Brooks <zoe@brooks.example>". A header whose encoding Java does not know is shown as it came.
     */
    static String decoded(@Nullable String header) {
        if (header == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(header);
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }
}
