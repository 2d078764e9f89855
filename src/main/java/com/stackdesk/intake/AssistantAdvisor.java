package com.stackdesk.intake;

import com.stackdesk.lead.AssistantSummary;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a visitor's {@link AssistantAnswers} into the summary stored with their lead. Implemented
 * by the assistant module, which owns the rules and the rate card; the intake calls it while it
 * validates a submission, so answers it cannot use are refused like any invalid field.
 */
public interface AssistantAdvisor {

    /**
     * The summary of the answers; or null, with a message per unusable answer added to {@code
     * errors} under {@code assistant.explore.<question>} or {@code assistant.quote.<question>}.
     */
    @Nullable
    AssistantSummary summarize(AssistantAnswers answers, Map<String, String> errors);
}
