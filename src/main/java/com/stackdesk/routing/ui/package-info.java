/** Staff views of routing: its settings and a "try it" preview. */
@NullMarked
package com.stackdesk.routing.ui;

import org.jspecify.annotations.NullMarked;
