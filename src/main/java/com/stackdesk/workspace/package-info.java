/**
 * The staff workspace: dashboard, leads grid and lead detail. Reads and works leads through the
 * lead module's services; owns no data of its own.
 */
@NullMarked
package com.stackdesk.workspace;

import org.jspecify.annotations.NullMarked;
