/** Who is signed in and what they may open: Spring Security set up for Vaadin and for the staff accounts. */
@NullMarked
package com.stackdesk.security;

import org.jspecify.annotations.NullMarked;
