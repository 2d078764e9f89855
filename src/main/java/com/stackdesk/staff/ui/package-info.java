/** The admins' staff page: accounts, roles, skills, capacity, out-of-office and the audit trail. */
@NullMarked
package com.stackdesk.staff.ui;

import org.jspecify.annotations.NullMarked;
