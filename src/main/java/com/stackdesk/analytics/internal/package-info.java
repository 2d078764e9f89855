/** The counters' table, behind {@link com.stackdesk.analytics.FormAnalytics}. */
@NullMarked
package com.stackdesk.analytics.internal;

import org.jspecify.annotations.NullMarked;
