package com.stackdesk.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites whose pages may post leads to {@code /api/leads} from a visitor's browser (CORS):
 * those in {@code stackdesk.api.allowed-origins} plus those admins add on the embed page. The CORS
 * check reads the stored ones at each request, so a change applies at once, on every instance.
 */
@Service
public class AllowedOrigins {

    static final int MAX_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final ApiProperties properties;
    private final Clock clock;

    AllowedOrigins(JdbcTemplate jdbc, ApiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The origins set in the configuration, which only the configuration changes. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> configured() {
        return properties.allowedOrigins();
    }

    /** The origins admins added, in alphabetical order. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<String> stored() {
        return jdbc.queryForList("SELECT origin FROM embed_origin ORDER BY origin", String.class);
    }

    /**
     * Adds a site, typed as its address ({@code https://www.example.com}, a trailing slash is
     * fine); answers the origin as stored.
     *
     * @throws InvalidOrigin with a message for the admin when it is not one site's origin
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String add(String typed) {
        var origin = normalize(typed);
        if (properties.allowedOrigins().contains(origin)) {
            throw new InvalidOrigin(origin + " is already allowed by the configuration");
        }
        try {
            jdbc.update(
                    "INSERT INTO embed_origin (origin, added_by, added_at) VALUES (?, ?, ?)",
                    origin,
                    SecurityContextHolder.getContext().getAuthentication().getName(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new InvalidOrigin(origin + " is already in the list");
        }
        return origin;
    }

    /** Removes a site added before; its pages' posts are refused from the next request on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void remove(String origin) {
        jdbc.update("DELETE FROM embed_origin WHERE origin = ?", origin);
    }

    /**
     * Whether a browser on {@code origin} may post a lead. Called by the CORS check for anonymous
     * visitors, so open to anyone by design; one primary-key lookup.
     */
    @Transactional(readOnly = true)
    public boolean allows(String origin) {
        if (properties.allowedOrigins().contains(origin)) {
            return true;
        }
        if (origin.length() > MAX_LENGTH) {
            return false;
        }
        var count = jdbc.queryForObject("SELECT COUNT(*) FROM embed_origin WHERE origin = ?", Integer.class, origin);
        return count != null && count > 0;
    }

    /** A site's origin as a browser sends it: scheme, host and a port other than the default. */
    static String normalize(@Nullable String typed) {
        var text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidOrigin("Enter the site's address, e.g. https://www.example.com");
        }
        if (text.equals("*") || text.contains("*")) {
            throw new InvalidOrigin("Name one site, e.g. https://www.example.com; wildcards are not allowed");
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidOrigin("That is not a web address; write it like https://www.example.com");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidOrigin("Start the address with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new InvalidOrigin("Write the address like https://www.example.com");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidOrigin(
                    "Give the site only, without a page: https://" + uri.getHost() + " rather than " + typed.strip());
        }
        var port = uri.getPort();
        var defaultPort = scheme.equals("https") ? 443 : 80;
        var origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (port == -1 || port == defaultPort ? "" : ":" + port);
        if (origin.length() > MAX_LENGTH) {
            throw new InvalidOrigin("Keep the address under " + MAX_LENGTH + " characters");
        }
        return origin;
    }

    /** A site address that cannot be allowed, with the reason for the admin. */
    public static class InvalidOrigin extends IllegalArgumentException {

        InvalidOrigin(String message) {
            super(message);
        }
    }
}
