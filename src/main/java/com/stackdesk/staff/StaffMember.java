package com.stackdesk.staff;

import com.stackdesk.lead.StackLeaning;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to the workspace and works leads. Other modules read it; only the staff
 * module changes it (constructor and mutators are package-private), so every change of role,
 * password or activity goes through {@link StaffAdministration} or {@link OwnAccount} and is
 * written to the audit trail.
 */
@Entity
@Table(name = "staff")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private boolean generalist;

    // Loaded when used: signing in, names and assignee lists never need them. Routing reads every
    // member's skills in one query, not one per member; the staff admin fetches them with the members.
    @ElementCollection(fetch = FetchType.LAZY)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "staff_skill", joinColumns = @JoinColumn(name = "staff_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "stack")
    private Set<StackLeaning> skills = EnumSet.noneOf(StackLeaning.class);

    /** The most open leads this person should hold at once. */
    @Column(nullable = false)
    private int capacity = 25;

    /** Relative share of new leads under weighted routing. */
    @Column(nullable = false)
    private int weight = 1;

    /** Raised when the account is deactivated, changes role or gets a new password: older sessions end. */
    @Column(nullable = false)
    private int sessionEpoch;

    @Column(nullable = false)
    private boolean passwordChangeRequired;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    // the zone this member reads times in; null: the team's
    @Column(length = 64)
    private @Nullable String timeZone;

    @Version
    private long version;

    protected StaffMember() {
        this.username = "";
        this.fullName = "";
        this.email = "";
        this.passwordHash = "";
        this.role = Role.SALES;
        this.createdAt = Instant.EPOCH;
    }

    StaffMember(String username, String fullName, String email, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** Active, and not an admin kept out of sales (an admin holds leads only with a capacity above 0). */
    public boolean mayOwnLeads() {
        return active && (role != Role.ADMIN || capacity > 0);
    }

    public boolean isGeneralist() {
        return generalist;
    }

    void setGeneralist(boolean generalist) {
        this.generalist = generalist;
    }

    /** Read-only: skills change through {@link StaffAdministration} like everything else. */
    public Set<StackLeaning> getSkills() {
        return Collections.unmodifiableSet(skills);
    }

    void setSkills(Set<StackLeaning> skills) {
        this.skills = skills.isEmpty() ? EnumSet.noneOf(StackLeaning.class) : EnumSet.copyOf(skills);
    }

    public int getCapacity() {
        return capacity;
    }

    void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public int getWeight() {
        return weight;
    }

    void setWeight(int weight) {
        this.weight = weight;
    }

    public int getSessionEpoch() {
        return sessionEpoch;
    }

    /** Ends every session signed in before now, at its next request. */
    void endSessions() {
        sessionEpoch++;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    void setPasswordChangeRequired(boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public @Nullable String getTimeZone() {
        return timeZone;
    }

    void setTimeZone(@Nullable String timeZone) {
        this.timeZone = timeZone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
