package com.stackdesk.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.ui.NotFoundView;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.internal.StaffAbsences;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The staff admin page: admins create, edit, deactivate and plan absences; nobody else gets in. */
@IntegrationTest
@DemoData
class StaffAdminViewTests extends SpringBrowserlessTest {

    @Autowired
    StaffMembers staff;

    @Autowired
    StaffAbsences absences;

    private int rowOf(StaffAdminView view, String fullName) {
        var grid = test(view.grid);
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).getFullName().equals(fullName)) {
                return i;
            }
        }
        throw new AssertionError(fullName + " not in the grid");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminCreatesAStaffMemberWithSkillsAndCapacity() {
        var view = navigate(StaffAdminView.class);

        test(view.newMember).click();
        test(view.username).setValue("hana");
        test(view.fullName).setValue("Hana Kim");
        test(view.email).setValue("hana@northwind.example");
        test(view.role).selectItem("Sales");
        test(view.skills).selectItems("Go", "Ruby");
        test(view.capacity).setValue(15);
        test(view.password).setValue("welcome-hana-2026");
        test(view.save).click();

        StaffMember hana = staff.findWithSkillsById(
                        staff.findByUsernameIgnoreCase("hana").orElseThrow().getId())
                .orElseThrow();
        assertThat(hana.getRole()).isEqualTo(Role.SALES);
        assertThat(hana.getSkills()).containsExactlyInAnyOrder(StackLeaning.GO, StackLeaning.RUBY);
        assertThat(hana.getCapacity()).isEqualTo(15);
        assertThat(test(view.grid).getRow(rowOf(view, "Hana Kim")).getUsername())
                .isEqualTo("hana");
        assertThat(test(view.audit).getCellText(0, 3)).isEqualTo("account");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminDeactivatesAStaffMemberAndTheAuditShowsIt() {
        var view = navigate(StaffAdminView.class);

        test(view.grid).select(rowOf(view, "Dev Patel"));
        assertThat(view.toggleActive.getText()).isEqualTo("Deactivate account");
        test(view.toggleActive).click();

        assertThat(staff.findByUsernameIgnoreCase("dev").orElseThrow().isActive())
                .isFalse();
        assertThat(test(view.grid).getCellText(rowOf(view, "Dev Patel"), 5)).isEqualTo("Deactivated");
        assertThat(test(view.audit).getCellText(0, 1)).isEqualTo("admin");
        assertThat(test(view.audit).getCellText(0, 3)).isEqualTo("active");

        test(view.toggleActive).click();
        assertThat(staff.findByUsernameIgnoreCase("dev").orElseThrow().isActive())
                .isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void anAdminPlansAnOutOfOfficePeriod() {
        var view = navigate(StaffAdminView.class);
        var from = LocalDate.of(2027, 1, 4);

        test(view.grid).select(rowOf(view, "Chloé Martin"));
        test(view.absenceFrom).setValue(from);
        test(view.absenceTo).setValue(from.plusDays(4));
        test(view.absenceNote).setValue("Conference");
        test(view.addAbsence).click();

        long chloe = staff.findByUsernameIgnoreCase("chloe").orElseThrow().getId();
        assertThat(absences.isOutOfOffice(chloe, from.plusDays(2))).isTrue();
        assertThat(view.absences.getElement().getTextRecursively()).contains("2027-01-04 to 2027-01-08 (Conference)");
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepIsRefused() {
        navigate("admin/staff", NotFoundView.class);
    }

    @Test
    @WithUserDetails("maria")
    void aManagerIsRefused() {
        navigate("admin/staff", NotFoundView.class);
    }
}
