package com.stackdesk.staff;

import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Staff for tests: {@link #member} is the one place a test builds a {@link StaffMember}. Without
 * more, a sales rep named after the username, with the password "x" ({@code {noop}} encoded).
 */
public final class TestStaff {

    private TestStaff() {}

    public static Builder member(String username) {
        return new Builder(username);
    }

    /** Two reps and their manager, with usernames of their own ({@code ana-1a2b3c4d}, ...). */
    public record Team(StaffMember ana, StaffMember ben, StaffMember maria) {}

    /**
     * Stores a {@link Team}: Ana Souza and Ben Okafor in sales, María García their manager, all
     * with the password {@code password}.
     */
    public static Team team(StaffMembers staff, String password) {
        var suffix = suffix();
        return new Team(
                member("ana-" + suffix).fullName("Ana Souza").password(password).save(staff),
                member("ben-" + suffix)
                        .fullName("Ben Okafor")
                        .password(password)
                        .save(staff),
                member("maria-" + suffix)
                        .fullName("María García")
                        .password(password)
                        .role(Role.MANAGER)
                        .save(staff));
    }

    /** A short random tail for usernames, so tests sharing a database do not collide. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Deactivates a stored member behind the staff module's back (no audit entry, sessions not
     * ended): for tests about what an inactive account may do, not about deactivating one.
     */
    public static StaffMember deactivate(StaffMembers staff, StaffMember member) {
        member.setActive(false);
        return staff.save(member);
    }

    /** Sets a stored member's capacity behind the staff module's back (no audit entry). */
    public static StaffMember capacity(StaffMembers staff, StaffMember member, int capacity) {
        member.setCapacity(capacity);
        return staff.save(member);
    }

    /** Sets a stored member's routing weight behind the staff module's back (no audit entry). */
    public static StaffMember weight(StaffMembers staff, StaffMember member, int weight) {
        member.setWeight(weight);
        return staff.save(member);
    }

    /** Builds a {@link StaffMember}; {@link #save} stores it. */
    public static final class Builder {

        private final String username;
        private String fullName;
        private String email;
        private String passwordHash = "{noop}x";
        private boolean active = true;
        private boolean passwordChangeRequired;
        private Role role = Role.SALES;
        private Set<StackLeaning> skills = Set.of();
        private boolean generalist;
        private Integer capacity;
        private Instant createdAt = Instant.now();

        private Builder(String username) {
            this.username = username;
            this.fullName = username;
            this.email = username + "@x.example";
        }

        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The raw password; stored {@code {noop}} encoded, so sign-in works with it as typed. */
        public Builder password(String password) {
            this.passwordHash = "{noop}" + password;
            return this;
        }

        /** A password already encoded, for tests about how passwords are stored or upgraded. */
        public Builder passwordHash(String passwordHash) {
            this.passwordHash = passwordHash;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** Whether the member must choose a new password at the next sign-in. */
        public Builder passwordChangeRequired(boolean passwordChangeRequired) {
            this.passwordChangeRequired = passwordChangeRequired;
            return this;
        }

        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        public Builder skills(StackLeaning... skills) {
            this.skills = Set.of(skills);
            return this;
        }

        public Builder generalist(boolean generalist) {
            this.generalist = generalist;
            return this;
        }

        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public StaffMember build() {
            var member = new StaffMember(username, fullName, email, passwordHash, role, createdAt);
            member.setSkills(skills);
            member.setGeneralist(generalist);
            member.setActive(active);
            member.setPasswordChangeRequired(passwordChangeRequired);
            if (capacity != null) {
                member.setCapacity(capacity);
            }
            return member;
        }

        public StaffMember save(StaffMembers staff) {
            return staff.save(build());
        }
    }
}
