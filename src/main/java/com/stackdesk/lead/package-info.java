/**
 * The lead aggregate: what a visitor asked for, its pipeline status and its history.
 */
@NullMarked
package com.stackdesk.lead;

import org.jspecify.annotations.NullMarked;
