package com.stackdesk.lead;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Makes the references visitors quote ({@code SD-7K3Q9M}): six characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U), so a reference read over the phone is unambiguous.
 */
@Component
class LeadReferences {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final RandomGenerator random;

    LeadReferences() {
        this(new SecureRandom());
    }

    LeadReferences(RandomGenerator random) {
        this.random = random;
    }

    /**
     * {@code count} distinct references that {@code takenAmong} (which of these references some
     * lead already has) does not name: drawn, checked together, and those taken drawn again and
     * checked again (rarely: at a million leads one in 700 is taken).
     */
    List<String> unused(int count, Function<List<String>, Set<String>> takenAmong) {
        var chosen = new LinkedHashSet<String>();
        var unchecked = drawInto(chosen, count, Set.of());
        while (!unchecked.isEmpty()) {
            var taken = takenAmong.apply(unchecked);
            chosen.removeAll(taken);
            unchecked = drawInto(chosen, count, taken);
        }
        return List.copyOf(chosen);
    }

    private List<String> drawInto(Collection<String> chosen, int count, Set<String> taken) {
        var drawn = new ArrayList<String>();
        while (chosen.size() < count) {
            var reference = next();
            if (!taken.contains(reference) && chosen.add(reference)) {
                drawn.add(reference);
            }
        }
        return drawn;
    }

    String next() {
        var sb = new StringBuilder("SD-");
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
