/**
 * The staff module's inside: its repositories. Other modules read staff through {@link
 * com.stackdesk.staff.StaffLookup} and {@link com.stackdesk.staff.StaffDirectory}; accounts change
 * only through the staff module's services, which write the audit trail.
 */
@NullMarked
package com.stackdesk.staff.internal;

import org.jspecify.annotations.NullMarked;
