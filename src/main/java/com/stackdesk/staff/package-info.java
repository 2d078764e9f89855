/**
 * The consultancy's staff: who may sign in, their role, the stacks they know, their capacity.
 */
@NullMarked
package com.stackdesk.staff;

import org.jspecify.annotations.NullMarked;
