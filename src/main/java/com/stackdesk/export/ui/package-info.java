/** Admin views of the export module. */
@NullMarked
package com.stackdesk.export.ui;

import org.jspecify.annotations.NullMarked;
