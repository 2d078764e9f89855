/**
 * Backups of the running app's database: on H2, an admin downloads a consistent copy over HTTP
 * while the app keeps taking leads (the H2 file is locked to this process, so no other program can
 * open it meanwhile); PostgreSQL is backed up with its own tools ({@code pg_dump}).
 */
@NullMarked
package com.stackdesk.backup;

import org.jspecify.annotations.NullMarked;
