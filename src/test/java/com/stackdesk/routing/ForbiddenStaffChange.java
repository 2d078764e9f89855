package com.stackdesk.routing;

import com.stackdesk.staff.internal.StaffMembers;

/**
 * Never run: what {@code ArchitectureTest} must refuse in main code, a module storing a staff
 * account through the staff module's repository instead of its audited services.
 */
public final class ForbiddenStaffChange {

    private ForbiddenStaffChange() {}

    public static void saveBehindTheStaffModulesBack(StaffMembers staff, long id) {
        staff.findById(id).ifPresent(staff::save);
    }
}
