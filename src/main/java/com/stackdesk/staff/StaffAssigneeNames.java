package com.stackdesk.staff;

import com.stackdesk.lead.AssigneeNames;
import com.stackdesk.staff.internal.StaffMembers;
import org.springframework.stereotype.Component;

/** Names staff on lead timelines. */
@Component
class StaffAssigneeNames implements AssigneeNames {

    private final StaffMembers staff;

    StaffAssigneeNames(StaffMembers staff) {
        this.staff = staff;
    }

    @Override
    public String nameOf(long staffId) {
        return staff.findById(staffId).map(StaffMember::getFullName).orElse("staff #" + staffId);
    }

    @Override
    public boolean mayOwnLeads(long staffId) {
        return staff.findById(staffId).map(StaffMember::mayOwnLeads).orElse(false);
    }
}
