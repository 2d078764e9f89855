/** The booking module's repositories. */
@NullMarked
package com.stackdesk.booking.internal;

import org.jspecify.annotations.NullMarked;
