/**
 * Emails about leads: the visitor's confirmation (with a calendar invite), the owner's alert and
 * the managers' alert. Emails are rendered from templates into an outbox in the transaction that
 * caused them, and a dispatcher sends them through SMTP with retries, each exactly once.
 */
@NullMarked
package com.stackdesk.notification;

import org.jspecify.annotations.NullMarked;
