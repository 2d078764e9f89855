package com.stackdesk.lead;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes the references visitors quote ({@code SD-7K3Q9M}): six characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U), so a reference read over the phone is unambiguous.
 */
@Component
class LeadReferences {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SecureRandom random = new SecureRandom();

    String next() {
        var sb = new StringBuilder("SD-");
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
