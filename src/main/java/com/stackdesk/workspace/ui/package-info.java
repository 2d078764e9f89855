/** The workspace views behind sign-in: {@code /dashboard}, {@code /leads}, {@code /leads/mine}, {@code /leads/{reference}}. */
@NullMarked
package com.stackdesk.workspace.ui;

import org.jspecify.annotations.NullMarked;
