package com.stackdesk.base;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What the log may say about a lead: its reference, in the MDC key {@value #KEY} while the lead is
 * stored, routed or emailed (the console pattern and every structured log format show it), and
 * never its contact details. Text that may quote an address (an SMTP server's refusal, say) goes
 * through {@link #withoutAddresses(String)} before it is logged.
 */
public final class LeadLogContext {

    /** The MDC key that carries the lead's reference. */
    public static final String KEY = "lead";

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    private LeadLogContext() {}

    /**
     * Puts the lead's reference in the MDC until the returned handle is closed (use it in a
     * try-with-resources block); the key's earlier value, if any, comes back then.
     */
    public static Scope about(@Nullable String reference) {
        var previous = MDC.get(KEY);
        if (reference == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, reference);
        }
        return new Scope(previous);
    }

    /** The text with every email address in it replaced by {@code <address>}. */
    public static String withoutAddresses(@Nullable String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll("<address>");
    }

    /** Gives the MDC key back its earlier value when closed. */
    public static final class Scope implements AutoCloseable {

        private final @Nullable String previous;

        private Scope(@Nullable String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
