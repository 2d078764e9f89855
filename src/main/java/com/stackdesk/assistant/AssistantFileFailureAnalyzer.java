package com.stackdesk.assistant;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start stopped by a mistake in the assistant's files ends with that one message, not a stack trace. */
class AssistantFileFailureAnalyzer extends AbstractFailureAnalyzer<AssistantFiles.InvalidFile> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AssistantFiles.InvalidFile cause) {
        return new FailureAnalysis(
                "The stack assistant cannot use its configuration: " + cause.getMessage(),
                "Correct the file (its comments describe the format), or remove it to use the defaults built into"
                        + " the jar, then start again.",
                cause);
    }
}
