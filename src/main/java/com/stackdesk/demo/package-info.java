/**
 * Demo data: in the {@code demo} profile, loads the staff and leads in {@code seeds/} into an
 * empty database, through each module's own API.
 */
@NullMarked
package com.stackdesk.demo;

import org.jspecify.annotations.NullMarked;
