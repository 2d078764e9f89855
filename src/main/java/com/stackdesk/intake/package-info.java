/**
 * The visitor's side: the public forms, their validation and normalization, spam and double-submit
 * defences, and the one intake service behind every way a lead comes in.
 */
@NullMarked
package com.stackdesk.intake;

import org.jspecify.annotations.NullMarked;
