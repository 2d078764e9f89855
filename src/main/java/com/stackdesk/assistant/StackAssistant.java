package com.stackdesk.assistant;

import com.stackdesk.intake.AssistantAdvisor;
import com.stackdesk.intake.AssistantAnswers;
import com.stackdesk.lead.AssistantSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The stack assistant's decisions: the advisor rules and the rate card, read and checked once at
 * start, answered to visitors through the API and summarized for the lead. Open to anonymous
 * callers by design: visitors are not signed in, and nothing here reads or writes stored data.
 */
@Service
@EnableConfigurationProperties(AssistantProperties.class)
public class StackAssistant implements AssistantAdvisor {

    private static final Logger log = LoggerFactory.getLogger(StackAssistant.class);

    private final AdvisorRules rules;
    private final RateCard rateCard;

    @Autowired
    StackAssistant(AssistantProperties properties) {
        this(
                AssistantFiles.rules(file(properties.rules(), "assistant/assistant-rules.yml")),
                AssistantFiles.rateCard(file(properties.rateCard(), "assistant/rate-card.yml")));
    }

    StackAssistant(AdvisorRules rules, RateCard rateCard) {
        this.rules = rules;
        this.rateCard = rateCard;
    }

    private static Resource file(String path, String builtIn) {
        if (Files.isRegularFile(Path.of(path))) {
            log.info("Stack assistant: {}", path);
            return new FileSystemResource(path);
        }
        log.info("Stack assistant: {} not found, using the built-in {}", path, builtIn);
        return new ClassPathResource(builtIn);
    }

    public AdvisorRules rules() {
        return rules;
    }

    public RateCard rateCard() {
        return rateCard;
    }

    /** The answers refused, by question id: what a visitor's answers lack. */
    public static final class InvalidAnswers extends RuntimeException {

        private final Map<String, String> errors;

        InvalidAnswers(Map<String, String> errors) {
            super("Invalid answers: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    public AdvisorRules.Recommendation recommend(Map<String, List<String>> answers) {
        var errors = rules.check(answers);
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        return rules.recommend(answers);
    }

    public RateCard.Estimate quote(Map<String, String> answers) {
        var errors = rateCard.check(answers);
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        return rateCard.estimate(answers);
    }

    @Override
    public @Nullable AssistantSummary summarize(AssistantAnswers answers, Map<String, String> errors) {
        var parts = new ArrayList<String>();
        String recommendation = null;
        String quote = null;
        var explore = answers.explore();
        if (explore != null && !explore.isEmpty()) {
            var wrong = rules.check(explore);
            wrong.forEach((question, message) -> errors.putIfAbsent("assistant.explore." + question, message));
            if (wrong.isEmpty()) {
                recommendation = rules.recommend(explore).summary();
                rules.questions()
                        .forEach(q -> parts.add(q.name() + ": "
                                + explore.get(q.id()).stream()
                                        .map(id -> q.option(id).orElseThrow().label())
                                        .collect(Collectors.joining(", "))));
            }
        }
        var quoteAnswers = answers.quote();
        if (quoteAnswers != null && !quoteAnswers.isEmpty()) {
            var wrong = rateCard.check(quoteAnswers);
            wrong.forEach((question, message) -> errors.putIfAbsent("assistant.quote." + question, message));
            if (wrong.isEmpty()) {
                quote = rateCard.estimate(quoteAnswers).summary();
                rateCard.questions()
                        .forEach(q -> parts.add(q.name() + ": "
                                + q.option(quoteAnswers.get(q.id()))
                                        .orElseThrow()
                                        .label()));
            }
        }
        if (recommendation == null && quote == null) {
            return null;
        }
        return new AssistantSummary(String.join("; ", parts), recommendation, quote);
    }

    /** Everything the script asks, in order, and the choices of the consultation form it ends with. */
    public Map<String, Object> questions() {
        var all = new LinkedHashMap<String, Object>();
        all.put("explore", rules.questions());
        all.put("quote", rateCard.questions());
        all.put("stacks", rules.stacks());
        return all;
    }
}
