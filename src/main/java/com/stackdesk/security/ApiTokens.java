package com.stackdesk.security;

import com.stackdesk.staff.StaffLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a signed-in staff member creates them for scripts ({@code Authorization:
 * Bearer sdk_...}); they act with that member's role and rights, and stop working when revoked or
 * when the account is deactivated.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "sdk_";

    private final ApiTokenRepository tokens;
    private final StaffLookup staff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, StaffLookup staff, Clock clock) {
        this.tokens = tokens;
        this.staff = staff;
        this.clock = clock;
    }

    /** A new token for the signed-in member, returned this once in clear text. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String create(String name) {
        var staffId = signedIn();
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var label = name.isBlank() ? "API token" : name.strip();
        tokens.save(new ApiToken(
                staffId,
                label.length() > 100 ? label.substring(0, 100) : label,
                hash(token),
                token.substring(0, 10),
                clock.instant()));
        return token;
    }

    /** The signed-in member's tokens, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.findByStaffIdOrderByCreatedAtDesc(signedIn());
    }

    /** Revokes one of the signed-in member's tokens. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long tokenId) {
        var token = tokens.findById(tokenId).orElseThrow();
        if (token.getStaffId() != signedIn()) {
            throw new AccessDeniedException("Not your token");
        }
        token.revokeAt(clock.instant());
    }

    /** Revokes every token of a staff member (their password was reset). */
    @Transactional
    void revokeAllOf(long staffId) {
        tokens.revokeAll(staffId, clock.instant());
    }

    /** The username a valid, unrevoked token belongs to; records its use. */
    @Transactional
    Optional<String> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).filter(ApiToken::isActive).flatMap(t -> {
            t.usedAt(clock.instant());
            return staff.usernameOf(t.getStaffId());
        });
    }

    private long signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Sign in first");
        }
        return staff.idOf(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("No staff account " + authentication.getName()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
