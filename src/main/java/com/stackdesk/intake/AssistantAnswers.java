package com.stackdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a visitor answered in the stack assistant before asking for a call, by the question and
 * option ids of {@code config/assistant-rules.yml} and {@code config/rate-card.yml}. The intake
 * stores what the assistant concludes from them (never conclusions a browser sends).
 *
 * @param explore "Which backend stack fits us?": question id → the chosen option ids
 * @param quote "Get a quote": question id → the chosen option id
 */
@Schema(
        description =
                "The stack assistant's answers, by question and option id; GET /api/assistant/questions lists them")
public record AssistantAnswers(
        @Schema(example = "{\"languages\": [\"go\"], \"workload\": [\"concurrent-io\"]}") @Nullable
        Map<String, List<String>> explore,

        @Schema(example = "{\"project\": \"api-backend\", \"timeline\": \"flexible\"}") @Nullable
        Map<String, String> quote) {

    public boolean isEmpty() {
        return (explore == null || explore.isEmpty()) && (quote == null || quote.isEmpty());
    }
}
