/**
 * Stackdesk: a consultation lead-capture CRM. Each top-level package is an application module.
 */
@NullMarked
package com.stackdesk;

import org.jspecify.annotations.NullMarked;
