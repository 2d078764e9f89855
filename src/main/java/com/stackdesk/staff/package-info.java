/**
 * The consultancy's staff: who may sign in, their role, the stacks they know, their capacity. Other
 * modules read staff as records through {@link com.stackdesk.staff.StaffLookup} (system code) and
 * {@link com.stackdesk.staff.StaffDirectory} (views); accounts change only through this module's
 * services, which keep the audit trail. The repositories live in {@code internal}.
 */
@NullMarked
package com.stackdesk.staff;

import org.jspecify.annotations.NullMarked;
