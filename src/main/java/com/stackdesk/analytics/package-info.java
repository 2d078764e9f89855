/**
 * Form analytics: how often each public form and the stack assistant is shown, started and
 * submitted, per source and ISO week. Counters only, no tracking log: no cookie, no address, no
 * visitor identifier is kept. {@link com.stackdesk.analytics.FormAnalytics} counts and reads them;
 * the intake counts submissions, browsers count views and starts through {@code POST
 * /api/analytics/{form}/{event}}.
 */
@NullMarked
package com.stackdesk.analytics;

import org.jspecify.annotations.NullMarked;
