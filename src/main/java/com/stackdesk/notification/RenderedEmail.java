package com.stackdesk.notification;

import org.jspecify.annotations.Nullable;

/** An email's content as rendered from its templates; {@code calendar} is an iCalendar text or null. */
record RenderedEmail(
        String subject, String text, String html, @Nullable String calendar) {}
