package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LeadReferencesTests {

    private final List<List<String>> checked = new ArrayList<>();

    @Test
    void theReferencesOfABatchAreCheckedWithOneLookUp() {
        var references = drawing("SD-222222", "SD-333333", "SD-444444");

        assertThat(references.unused(3, takenAre())).containsExactlyInAnyOrder("SD-222222", "SD-333333", "SD-444444");
        assertThat(checked).hasSize(1);
    }

    @Test
    void aTakenReferenceIsReplacedAndOnlyTheReplacementIsCheckedAgain() {
        var references = drawing("SD-222222", "SD-333333", "SD-444444", "SD-333333", "SD-555555");

        assertThat(references.unused(3, takenAre("SD-333333")))
                .containsExactlyInAnyOrder("SD-222222", "SD-444444", "SD-555555");
        assertThat(checked).containsExactly(List.of("SD-222222", "SD-333333", "SD-444444"), List.of("SD-555555"));
    }

    @Test
    void aReferenceDrawnTwiceForOneBatchIsGivenOnce() {
        var references = drawing("SD-222222", "SD-222222", "SD-333333");

        assertThat(references.unused(2, takenAre())).containsExactlyInAnyOrder("SD-222222", "SD-333333");
    }

    @Test
    void aReferenceIsSixCharactersWithoutLookAlikes() {
        var reference = new LeadReferences().next();

        assertThat(reference).matches("SD-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}");
    }

    private Function<List<String>, Set<String>> takenAre(String... stored) {
        return drawn -> {
            checked.add(List.copyOf(drawn));
            var taken = new HashSet<>(drawn);
            taken.retainAll(Set.of(stored));
            return taken;
        };
    }

    /** References whose characters come, in order, from these. */
    private static LeadReferences drawing(String... references) {
        Deque<Integer> positions = new ArrayDeque<>();
        for (var reference : references) {
            reference.substring(3).chars().forEach(c -> positions.add(LeadReferences.ALPHABET.indexOf(c)));
        }
        return new LeadReferences(new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return positions.removeFirst();
            }
        });
    }
}
