/**
 * The booking pages: the slot picker (published as the named interface {@code ui}, so the intake's
 * thank-you page can show it), the public reschedule and cancel pages, and the call hours editor.
 */
@NullMarked
@NamedInterface("ui")
package com.stackdesk.booking.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
