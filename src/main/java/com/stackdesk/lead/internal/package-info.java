/**
 * The lead module's inside: its repository. Other modules read and change leads only through the
 * services of {@link com.stackdesk.lead}; Spring Modulith's {@code verify()} fails if they reach in here.
 */
@NullMarked
package com.stackdesk.lead.internal;

import org.jspecify.annotations.NullMarked;
