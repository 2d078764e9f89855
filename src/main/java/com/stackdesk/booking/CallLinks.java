package com.stackdesk.booking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring, single-purpose tokens for the links a visitor follows without an account: to
 * book a call for their lead (the thank-you page), and to reschedule or cancel a booked call (the
 * emails). A token names its purpose, what it is for, the call's calendar sequence it was issued
 * at (a later change of the call retires it: the newer email carries new links) and when it
 * expires, signed with HMAC-SHA256 ({@link LinkSecret}). Nothing about it is stored.
 */
@Component
class CallLinks {

    /** What a token allows. */
    enum Purpose {
        BOOK,
        RESCHEDULE,
        CANCEL
    }

    /** A checked token: its purpose, the lead (BOOK) or call id, and the call's sequence it was issued at. */
    record Claim(Purpose purpose, long id, int sequence) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final LinkSecret secret;
    private final Clock clock;

    CallLinks(LinkSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    String issue(Purpose purpose, long id, int sequence, Instant expires) {
        var payload = purpose.name() + ":" + id + ":" + sequence + ":" + expires.getEpochSecond();
        var bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The token's claim if it is genuine, for {@code purpose} and not expired; empty otherwise. */
    Optional<Claim> check(String token, Purpose purpose) {
        try {
            int dot = token.indexOf('.');
            if (dot < 1 || token.length() > 300) {
                return Optional.empty();
            }
            var payload = DECODER.decode(token.substring(0, dot));
            var signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            var parts = new String(payload, StandardCharsets.US_ASCII).split(":");
            if (parts.length != 4 || !parts[0].equals(purpose.name())) {
                return Optional.empty();
            }
            if (!Instant.ofEpochSecond(Long.parseLong(parts[3])).isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Claim(purpose, Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
