/**
 * Exports of leads: CSV streamed from the database to the browser or an API client, and the
 * audit trail of who exported what.
 */
@NullMarked
package com.stackdesk.export;

import org.jspecify.annotations.NullMarked;
