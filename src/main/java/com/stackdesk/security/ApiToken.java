package com.stackdesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token of a staff member; the token itself is shown once and only its hash is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private long staffId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false, unique = true)
    private String tokenHash;

    /** The first characters, so a person can tell their tokens apart. */
    @Column(nullable = false, updatable = false)
    private String tokenHint;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant lastUsedAt;

    private @Nullable Instant revokedAt;

    protected ApiToken() {
        this.name = "";
        this.tokenHash = "";
        this.tokenHint = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiToken(long staffId, String name, String tokenHash, String tokenHint, Instant createdAt) {
        this.staffId = staffId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.createdAt = createdAt;
    }

    public @Nullable Long getId() {
        return id;
    }

    public long getStaffId() {
        return staffId;
    }

    public String getName() {
        return name;
    }

    public String getTokenHint() {
        return tokenHint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    void usedAt(Instant when) {
        this.lastUsedAt = when;
    }

    void revokeAt(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    String getTokenHash() {
        return tokenHash;
    }
}
