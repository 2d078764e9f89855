/**
 * The staff workspace: dashboard, leads grid and lead detail. Reads and works leads through the
 * lead module's services; owns only each person's
 * saved views and chosen grid columns.
 */
@NullMarked
package com.stackdesk.workspace;

import org.jspecify.annotations.NullMarked;
