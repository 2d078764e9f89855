package com.stackdesk.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a choice typed by another system: the constant's name or its label, in any case. */
final class Choices {

    private Choices() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, Function<E, String> label, String value) {
        var wanted = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || label.apply(c)
                                .toLowerCase(Locale.ROOT)
                                .replace(' ', '_')
                                .equals(wanted))
                .findFirst();
    }

    static <E extends Enum<E>> String listOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
