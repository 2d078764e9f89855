package com.stackdesk.assistant;

import java.util.List;
import java.util.Optional;

/**
 * One question the assistant asks, with its answers to choose from.
 *
 * @param id how answers name it
 * @param name a short name for the rep's summary, e.g. "Workload"
 * @param text the question as the visitor reads it
 * @param multiple whether several options may be chosen
 */
public record Question(String id, String name, String text, boolean multiple, List<Choice> options) {

    /** One answer to choose. */
    public record Choice(String id, String label) {}

    Optional<Choice> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
