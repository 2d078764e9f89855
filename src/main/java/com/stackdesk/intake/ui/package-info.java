/** The public pages a visitor sees: landing page, the two forms and the thank-you page. */
@NullMarked
package com.stackdesk.intake.ui;

import org.jspecify.annotations.NullMarked;
