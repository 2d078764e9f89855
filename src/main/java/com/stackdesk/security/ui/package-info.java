/** The staff sign-in page. */
@NullMarked
package com.stackdesk.security.ui;

import org.jspecify.annotations.NullMarked;
