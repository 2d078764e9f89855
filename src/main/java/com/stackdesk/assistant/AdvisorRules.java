package com.stackdesk.assistant;

import com.stackdesk.lead.StackLeaning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "Which backend stack fits us?" rules as the operator wrote them in {@code
 * config/assistant-rules.yml}, and their evaluation: every rule whose conditions all hold adds its
 * points to its stacks; the stack with the most points is recommended, the next one is the
 * runner-up (ties go to the stack listed first), each with the reasons of the rules that gave it
 * the most points. A pure decision: plain values in, plain values out.
 *
 * @param stacks the stacks that can be recommended, in the order that breaks ties
 * @param questions what the visitor is asked, in order
 * @param rules scores and reasons
 * @param reasonsShown how many reasons a stack shows at most
 * @param noSignalReason the reason given when no rule gave the stack any points
 */
public record AdvisorRules(
        List<Stack> stacks, List<Question> questions, List<Rule> rules, int reasonsShown, String noSignalReason) {

    /** A stack the assistant may recommend, and the consultation form's stack leaning it stands for. */
    public record Stack(String id, String label, StackLeaning leaning) {}

    /**
     * When every condition holds (for each question, one of the listed options was chosen), each
     * stack in {@code scores} gets its points, with {@code reason} as the why.
     */
    public record Rule(Map<String, Set<String>> when, Map<String, Integer> scores, String reason) {

        boolean holds(Map<String, List<String>> answers) {
            return when.entrySet().stream()
                    .allMatch(condition -> answers.getOrDefault(condition.getKey(), List.of()).stream()
                            .anyMatch(condition.getValue()::contains));
        }
    }

    /** A recommended stack, its points and why, best reason first. */
    public record Pick(Stack stack, int points, List<String> reasons) {}

    /** The recommendation and the runner-up. */
    public record Recommendation(Pick recommended, Pick runnerUp) {

        /** "Go over Node.js — many concurrent connections, team knows Go": what the rep reads first. */
        public String summary() {
            var why = recommended.reasons().stream().limit(2).toList();
            return recommended.stack().label() + " over " + runnerUp.stack().label()
                    + (why.isEmpty() ? "" : " — " + String.join(", ", why));
        }
    }

    /**
     * Checks the answers against the questions: each question answered, with options it has, and
     * just one where only one is allowed. Returns a message per question at fault (empty: usable).
     */
    public Map<String, String> check(Map<String, List<String>> answers) {
        var errors = new LinkedHashMap<String, String>();
        for (var unknown : answers.keySet()) {
            if (question(unknown).isEmpty()) {
                errors.put(unknown, "There is no question " + unknown);
            }
        }
        for (var question : questions) {
            var chosen = answers.getOrDefault(question.id(), List.of());
            if (chosen.isEmpty()) {
                errors.put(question.id(), "Answer \"" + question.text() + "\"");
            } else if (!question.multiple() && chosen.size() > 1) {
                errors.put(question.id(), "Choose one answer to \"" + question.text() + "\"");
            } else {
                chosen.stream()
                        .filter(id -> question.option(id).isEmpty())
                        .findFirst()
                        .ifPresent(id -> errors.put(
                                question.id(), "\"" + id + "\" is not an answer to \"" + question.text() + "\""));
            }
        }
        return errors;
    }

    /** The recommendation for answers that passed {@link #check}. */
    public Recommendation recommend(Map<String, List<String>> answers) {
        var points = new LinkedHashMap<String, Integer>();
        var reasons = new LinkedHashMap<String, List<Scored>>();
        stacks.forEach(s -> {
            points.put(s.id(), 0);
            reasons.put(s.id(), new ArrayList<>());
        });
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            if (!rule.holds(answers)) {
                continue;
            }
            for (var score : rule.scores().entrySet()) {
                points.merge(score.getKey(), score.getValue(), Integer::sum);
                if (score.getValue() > 0) {
                    reasons.get(score.getKey()).add(new Scored(rule.reason(), score.getValue(), i));
                }
            }
        }
        var ranked = new ArrayList<>(stacks);
        // a stable sort: among equal points, the stack listed first stays first
        ranked.sort(Comparator.comparing((Stack s) -> points.get(s.id())).reversed());
        return new Recommendation(pick(ranked.get(0), points, reasons), pick(ranked.get(1), points, reasons));
    }

    private record Scored(String reason, int points, int order) {}

    private Pick pick(Stack stack, Map<String, Integer> points, Map<String, List<Scored>> reasons) {
        var why = reasons.get(stack.id()).stream()
                .sorted(Comparator.comparing(Scored::points).reversed().thenComparing(Scored::order))
                .map(Scored::reason)
                .distinct()
                .limit(reasonsShown)
                .toList();
        return new Pick(stack, points.get(stack.id()), why.isEmpty() ? List.of(noSignalReason) : why);
    }

    Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    Optional<Stack> stack(String id) {
        return stacks.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
