package com.stackdesk.intake;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Normalization of what visitors type: control characters never reach the database. */
final class Text {

    private Text() {}

    /**
     * A single-line value: Unicode NFC, every control character (CR, LF, tab, NUL, ...) replaced
     * by a space, runs of whitespace collapsed, trimmed; blank becomes null.
     */
    static @Nullable String singleLine(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        var sb = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)
                    || Character.isISOControl(cp)
                    || Character.isSpaceChar(cp)
                    || isFormatControl(cp)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.appendCodePoint(cp);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /**
     * A multi-line value: line breaks kept as {@code \n} (at most two in a row), other control
     * characters dropped, each line's trailing spaces and the whole value trimmed; blank becomes null.
     */
    static @Nullable String multiLine(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var nfc = Normalizer.normalize(value, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        var sb = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                sb.append('\n');
            } else if (cp == '\t') {
                sb.append(' ');
            } else if (!Character.isISOControl(cp) && !isFormatControl(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        var cleaned = sb.toString()
                .replaceAll("[ \\u00A0]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** An email address: single-line, no spaces at all, the domain lower-cased (the local part may be case-sensitive). */
    static @Nullable String email(@Nullable String value) {
        var line = singleLine(value);
        if (line == null) {
            return null;
        }
        var compact = line.replace(" ", "");
        int at = compact.lastIndexOf('@');
        if (at < 0) {
            return compact;
        }
        return compact.substring(0, at) + compact.substring(at).toLowerCase(Locale.ROOT);
    }

    // Zero-width and bidi controls (U+200B..U+200F, U+202A..U+202E, U+2060..U+2064, U+FEFF) hide text.
    private static boolean isFormatControl(int cp) {
        return Character.getType(cp) == Character.FORMAT && cp != 0x200D; // keep ZWJ for emoji and scripts
    }
}
