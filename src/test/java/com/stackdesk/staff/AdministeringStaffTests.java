package com.stackdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.internal.StaffAbsences;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Admins create, edit and deactivate staff; every change is audited; nobody else may. */
@IntegrationTest
class AdministeringStaffTests {

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffMembers staff;

    @Autowired
    StaffAbsences absences;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwords;

    String suffix;
    StaffMember admin;
    StaffMember rep;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = TestStaff.member("boss-" + suffix)
                .fullName("Ada Admin")
                .email("ada@x.example")
                .role(Role.ADMIN)
                .save(staff);
        rep = TestStaff.member("rep-" + suffix)
                .fullName("Rita Rep")
                .email("rita@x.example")
                .save(staff);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private StaffAccount account(String username, Role role) {
        return new StaffAccount(
                username,
                "Gus Lindqvist",
                "gus@x.example",
                role,
                Set.of(StackLeaning.GO, StackLeaning.NOT_SURE),
                true,
                12,
                2);
    }

    @Test
    void anAdminCreatesAStaffMemberWhoCanSignIn() {
        SignIn.as(app, admin.getUsername());

        var created = administration.create(account("gus-" + suffix, Role.SALES), "a-long-password");

        var stored = staff.findWithSkillsById(created.getId()).orElseThrow();
        assertThat(stored.getSkills()).as("only concrete stacks are skills").containsExactly(StackLeaning.GO);
        assertThat(stored.isGeneralist()).isTrue();
        assertThat(stored.getCapacity()).isEqualTo(12);
        assertThat(passwords.matches("a-long-password", stored.getPasswordHash()))
                .isTrue();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}");
        assertThat(users.loadUserByUsername("gus-" + suffix).isEnabled()).isTrue();
        assertThat(administration.changesOf(created.getId())).anySatisfy(a -> {
            assertThat(a.getField()).isEqualTo("account");
            assertThat(a.getActor()).isEqualTo(admin.getUsername());
        });
    }

    @Test
    void refusesWeakPasswordsAndTakenUsernames() {
        SignIn.as(app, admin.getUsername());

        assertThatThrownBy(() -> administration.create(account("new-" + suffix, Role.SALES), "short"))
                .isInstanceOf(StaffChangeRefused.class);
        assertThatThrownBy(() -> administration.create(account(rep.getUsername(), Role.SALES), "a-long-password"))
                .isInstanceOf(StaffChangeRefused.class)
                .hasMessageContaining("taken");
    }

    @Test
    void everyEditedFieldIsAuditedWithOldAndNewValue() {
        SignIn.as(app, admin.getUsername());
        var edited = new StaffAccount(
                rep.getUsername(),
                "Rita Rep",
                "rita@x.example",
                Role.MANAGER,
                Set.of(StackLeaning.PYTHON),
                false,
                30,
                1);

        administration.update(rep.getId(), rep.getVersion(), edited);

        assertThat(administration.changesOf(rep.getId()))
                .anySatisfy(a -> {
                    assertThat(a.getField()).isEqualTo("role");
                    assertThat(a.getOldValue()).isEqualTo("Sales");
                    assertThat(a.getNewValue()).isEqualTo("Manager");
                    assertThat(a.getActor()).isEqualTo(admin.getUsername());
                })
                .anySatisfy(a -> {
                    assertThat(a.getField()).isEqualTo("capacity");
                    assertThat(a.getOldValue()).isEqualTo("25");
                    assertThat(a.getNewValue()).isEqualTo("30");
                })
                .anySatisfy(a -> assertThat(a.getField()).isEqualTo("skills"))
                .noneSatisfy(a -> assertThat(a.getField()).isEqualTo("email"));
        assertThat(administration.recentChanges(100))
                .anySatisfy(a -> assertThat(a.getStaffId()).isEqualTo(rep.getId()));
    }

    @Test
    void aStaleEditIsRefused() {
        SignIn.as(app, admin.getUsername());
        long loaded = rep.getVersion();
        administration.update(rep.getId(), loaded, StaffAccount.of(rep).withCapacity(5));

        assertThatThrownBy(() -> administration.update(
                        rep.getId(), loaded, StaffAccount.of(rep).withCapacity(7)))
                .isInstanceOf(StaffChangeRefused.class)
                .hasMessageContaining("meanwhile");
    }

    @Test
    void aDeactivatedStaffMemberCannotSignIn() {
        SignIn.as(app, admin.getUsername());

        administration.setActive(rep.getId(), false);

        assertThat(users.loadUserByUsername(rep.getUsername()).isEnabled()).isFalse();
        assertThat(administration.changesOf(rep.getId())).anySatisfy(a -> {
            assertThat(a.getField()).isEqualTo("active");
            assertThat(a.getOldValue()).isEqualTo("yes");
            assertThat(a.getNewValue()).isEqualTo("no");
        });
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        SignIn.as(app, admin.getUsername());

        assertThatThrownBy(() -> administration.setActive(admin.getId(), false)).isInstanceOf(StaffChangeRefused.class);
    }

    @Test
    void outOfOfficePeriodsAreStoredAuditedAndVisibleToRouting() {
        SignIn.as(app, admin.getUsername());
        var from = LocalDate.of(2026, 12, 20);

        var absence = administration.addAbsence(rep.getId(), from, from.plusDays(10), "Holidays");

        assertThat(absences.isOutOfOffice(rep.getId(), from.plusDays(3))).isTrue();
        assertThat(absences.isOutOfOffice(rep.getId(), from.plusDays(11))).isFalse();
        assertThatThrownBy(() -> administration.addAbsence(rep.getId(), from, from.minusDays(1), null))
                .isInstanceOf(StaffChangeRefused.class);
        administration.removeAbsence(absence.getId());
        assertThat(absences.isOutOfOffice(rep.getId(), from.plusDays(3))).isFalse();
        assertThat(administration.changesOf(rep.getId()))
                .filteredOn(a -> a.getField().equals("out of office"))
                .hasSize(2);
    }

    @Test
    void salesRepsAndManagersMayNotAdministerStaff() {
        SignIn.as(app, rep.getUsername());
        assertThatThrownBy(() -> administration.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.setActive(admin.getId(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(staff.findById(admin.getId()).orElseThrow().isActive()).isTrue();
    }
}
