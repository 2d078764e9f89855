package com.stackdesk.assistant;

import com.stackdesk.lead.StackLeaning;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code assistant-rules.yml} and {@code rate-card.yml} and checks them completely, so a
 * mistake stops the start with one message that names the file, the place and what is wrong
 * (instead of a visitor finding it). The format of each file is described in its own comments.
 */
final class AssistantFiles {

    /** A file the assistant cannot use. */
    static final class InvalidFile extends IllegalStateException {
        InvalidFile(String message) {
            super(message);
        }
    }

    private AssistantFiles() {}

    static AdvisorRules rules(Resource file) {
        var in = new Reader(file);
        var root = in.map(in.load(), "the file");
        var stacks = new ArrayList<AdvisorRules.Stack>();
        var stackIds = new LinkedHashSet<String>();
        var stackList = in.list(root, "stacks");
        for (int i = 0; i < stackList.size(); i++) {
            var at = "stacks[" + i + "]";
            var s = in.map(stackList.get(i), at);
            var id = in.text(s, "id", at);
            if (!stackIds.add(id)) {
                throw in.fail(at + ".id: stack \"" + id + "\" is listed twice");
            }
            var leaning = in.text(s, "leaning", at);
            var value = Arrays.stream(StackLeaning.values())
                    .filter(l -> l.name().equalsIgnoreCase(leaning))
                    .findFirst()
                    .orElseThrow(() -> in.fail(at + ".leaning: \"" + leaning + "\" is not one of "
                            + Arrays.toString(StackLeaning.values())));
            stacks.add(new AdvisorRules.Stack(id, in.text(s, "label", at), value));
        }
        if (stacks.size() < 2) {
            throw in.fail("stacks: list at least two stacks (a recommendation and a runner-up)");
        }
        var questions = new ArrayList<Question>();
        var questionList = in.list(root, "questions");
        for (int i = 0; i < questionList.size(); i++) {
            var at = "questions[" + i + "]";
            var q = in.map(questionList.get(i), at);
            var multiple = q.get("multiple");
            if (multiple != null && !(multiple instanceof Boolean)) {
                throw in.fail(at + ".multiple: write true or false");
            }
            questions.add(new Question(
                    in.text(q, "id", at),
                    in.text(q, "name", at),
                    in.text(q, "text", at),
                    Boolean.TRUE.equals(multiple),
                    in.choices(q, at)));
        }
        in.unique(questions.stream().map(Question::id).toList(), "questions");
        var rules = new ArrayList<AdvisorRules.Rule>();
        var ruleList = in.list(root, "rules");
        for (int i = 0; i < ruleList.size(); i++) {
            var at = "rules[" + i + "]";
            var r = in.map(ruleList.get(i), at);
            var when = new LinkedHashMap<String, Set<String>>();
            var conditions = in.map(r.get("when"), at + ".when");
            if (conditions.isEmpty()) {
                throw in.fail(at + ".when: give at least one condition, e.g. {workload: concurrent-io}");
            }
            for (var condition : conditions.entrySet()) {
                var question = questions.stream()
                        .filter(q -> q.id().equals(condition.getKey()))
                        .findFirst()
                        .orElseThrow(() -> in.fail(at + ".when: there is no question \"" + condition.getKey() + "\""));
                var options = new LinkedHashSet<String>();
                var values =
                        condition.getValue() instanceof List<?> l ? l : List.of(String.valueOf(condition.getValue()));
                for (var value : values) {
                    var option = String.valueOf(value);
                    if (question.option(option).isEmpty()) {
                        throw in.fail(at + ".when." + question.id() + ": \"" + option + "\" is not an option of"
                                + " question " + question.id());
                    }
                    options.add(option);
                }
                when.put(question.id(), Set.copyOf(options));
            }
            var scores = new LinkedHashMap<String, Integer>();
            var scoreMap = in.map(r.get("scores"), at + ".scores");
            if (scoreMap.isEmpty()) {
                throw in.fail(at + ".scores: give at least one stack and its points, e.g. {go: 3}");
            }
            for (var score : scoreMap.entrySet()) {
                if (!stackIds.contains(score.getKey())) {
                    throw in.fail(at + ".scores: \"" + score.getKey() + "\" is not one of the stacks " + stackIds);
                }
                if (!(score.getValue() instanceof Integer points)) {
                    throw in.fail(at + ".scores." + score.getKey() + ": write whole points, e.g. 3");
                }
                scores.put(score.getKey(), points);
            }
            rules.add(new AdvisorRules.Rule(when, scores, in.text(r, "reason", at)));
        }
        int reasonsShown = in.integer(root, "reasons-shown", "", 3);
        if (reasonsShown < 1) {
            throw in.fail("reasons-shown: show at least 1 reason");
        }
        return new AdvisorRules(
                List.copyOf(stacks),
                List.copyOf(questions),
                List.copyOf(rules),
                reasonsShown,
                in.text(root, "no-signal-reason", ""));
    }

    static RateCard rateCard(Resource file) {
        var in = new Reader(file);
        var root = in.map(in.load(), "the file");
        var spread = in.decimal(root, "spread", "");
        if (spread.signum() < 0 || spread.compareTo(BigDecimal.ONE) >= 0) {
            throw in.fail("spread: give a fraction from 0 to below 1, e.g. 0.2 for ± 20 %");
        }
        var project = part(
                in,
                in.map(root.get(RateCard.PROJECT), RateCard.PROJECT),
                RateCard.PROJECT,
                (o, at) -> new RateCard.Days(
                        in.text(o, "id", at), in.text(o, "label", at), in.positive(o, "days", at, true)));
        var sizes = new ArrayList<RateCard.Part<RateCard.Days>>();
        var sizeList = in.list(root, "size");
        for (int i = 0; i < sizeList.size(); i++) {
            var at = "size[" + i + "]";
            var size = in.map(sizeList.get(i), at);
            var id = in.text(size, "id", at);
            if (Set.of(RateCard.PROJECT, RateCard.TIMELINE, RateCard.TEAM).contains(id)) {
                throw in.fail(at + ".id: \"" + id + "\" is taken by a question of its own; choose another id");
            }
            sizes.add(part(
                    in,
                    size,
                    at,
                    (o, oat) -> new RateCard.Days(
                            in.text(o, "id", oat), in.text(o, "label", oat), in.positive(o, "days", oat, false))));
        }
        in.unique(sizes.stream().map(RateCard.Part::id).toList(), "size");
        var timeline = part(in, in.map(root.get(RateCard.TIMELINE), RateCard.TIMELINE), RateCard.TIMELINE, (o, at) -> {
            var factor = in.decimal(o, "factor", at);
            if (factor.signum() <= 0) {
                throw in.fail(at + ".factor: give a factor above 0, e.g. 1.0");
            }
            return new RateCard.Factor(in.text(o, "id", at), in.text(o, "label", at), factor);
        });
        var team = part(in, in.map(root.get(RateCard.TEAM), RateCard.TEAM), RateCard.TEAM, (o, at) -> {
            var share = in.decimal(o, "share", at);
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw in.fail(at + ".share: give the share of the work we do, above 0 and at most 1");
            }
            return new RateCard.Team(
                    in.text(o, "id", at), in.text(o, "label", at), in.positive(o, "developers", at, true), share);
        });
        var assumptions = new ArrayList<String>();
        var assumptionList = root.get("assumptions") == null ? List.of() : in.list(root, "assumptions");
        for (int i = 0; i < assumptionList.size(); i++) {
            if (!(assumptionList.get(i) instanceof String text) || text.isBlank()) {
                throw in.fail("assumptions[" + i + "]: write each assumption as a line of text");
            }
            assumptions.add(text.strip());
        }
        return new RateCard(
                in.text(root, "currency", ""),
                in.positive(root, "day-rate", "", true),
                in.positive(root, "days-per-month", "", true),
                spread,
                in.positive(root, "round-to", "", true),
                project,
                List.copyOf(sizes),
                timeline,
                team,
                List.copyOf(assumptions));
    }

    private interface OptionReader<T> {
        T read(Map<String, Object> option, String at);
    }

    private static <T extends RateCard.Answer> RateCard.Part<T> part(
            Reader in, Map<String, Object> part, String at, OptionReader<T> option) {
        var options = new ArrayList<T>();
        var list = in.list(part, "options", at);
        for (int i = 0; i < list.size(); i++) {
            var oat = at + ".options[" + i + "]";
            options.add(option.read(in.map(list.get(i), oat), oat));
        }
        in.unique(options.stream().map(RateCard.Answer::id).toList(), at + ".options");
        var id = at.startsWith("size[") ? in.text(part, "id", at) : at;
        return new RateCard.Part<>(id, in.text(part, "name", at), in.text(part, "text", at), List.copyOf(options));
    }

    /** Reads values from the parsed YAML, failing with the file's name and the value's place. */
    private static final class Reader {

        private final Resource file;
        private final String name;

        Reader(Resource file) {
            this.file = file;
            this.name = describe(file);
        }

        Object load() {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
                if (parsed == null) {
                    throw fail("the file is empty");
                }
                return parsed;
            } catch (IOException e) {
                throw new InvalidFile(name + ": cannot be read (" + e.getMessage() + ")");
            } catch (YAMLException e) {
                throw new InvalidFile(name + ": is not valid YAML: " + e.getMessage());
            }
        }

        InvalidFile fail(String what) {
            return new InvalidFile(name + ": " + what);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(@Nullable Object value, String at) {
            if (value instanceof Map<?, ?> m) {
                for (var key : m.keySet()) {
                    if (!(key instanceof String)) {
                        throw fail(at + ": the key " + key + " is not text");
                    }
                }
                return (Map<String, Object>) m;
            }
            throw fail(at + (value == null ? " is missing" : " must be a map of names to values"));
        }

        List<?> list(Map<String, Object> parent, String key) {
            return list(parent, key, null);
        }

        List<?> list(Map<String, Object> parent, String key, @Nullable String at) {
            var where = at == null ? key : place(at, key);
            if (parent.get(key) instanceof List<?> l && !l.isEmpty()) {
                return l;
            }
            throw fail(where + (parent.get(key) == null ? " is missing" : " must be a non-empty list"));
        }

        String text(Map<String, Object> parent, String key, String at) {
            var value = parent.get(key);
            if (value == null || String.valueOf(value).isBlank()) {
                throw fail(place(at, key) + " is missing");
            }
            if (value instanceof Map || value instanceof List) {
                throw fail(place(at, key) + " must be text");
            }
            return String.valueOf(value).strip();
        }

        int integer(Map<String, Object> parent, String key, String at, int byDefault) {
            var value = parent.get(key);
            if (value == null) {
                return byDefault;
            }
            if (value instanceof Integer i) {
                return i;
            }
            throw fail(place(at, key) + ": write a whole number");
        }

        int positive(Map<String, Object> parent, String key, String at, boolean aboveZero) {
            var value = parent.get(key);
            if (value instanceof Integer i && (aboveZero ? i > 0 : i >= 0)) {
                return i;
            }
            throw fail(place(at, key)
                    + (value == null ? " is missing" : ": write a whole number")
                    + (aboveZero ? " above 0" : " of 0 or more"));
        }

        BigDecimal decimal(Map<String, Object> parent, String key, String at) {
            var value = parent.get(key);
            if (value instanceof Integer || value instanceof Long || value instanceof Double) {
                return new BigDecimal(String.valueOf(value));
            }
            throw fail(place(at, key) + (value == null ? " is missing" : ": write a number, e.g. 1.25"));
        }

        List<Question.Choice> choices(Map<String, Object> q, String at) {
            var list = list(q, "options", at);
            var choices = new ArrayList<Question.Choice>();
            for (int i = 0; i < list.size(); i++) {
                var oat = at + ".options[" + i + "]";
                var o = map(list.get(i), oat);
                choices.add(new Question.Choice(text(o, "id", oat), text(o, "label", oat)));
            }
            unique(choices.stream().map(Question.Choice::id).toList(), at + ".options");
            return List.copyOf(choices);
        }

        void unique(List<String> ids, String at) {
            var seen = new HashSet<String>();
            for (var id : ids) {
                if (!seen.add(id)) {
                    throw fail(at + ": the id \"" + id + "\" is used twice");
                }
            }
        }

        private static String place(String at, String key) {
            return at.isEmpty() ? key : at + "." + key;
        }

        private static String describe(Resource file) {
            try {
                return file.isFile() ? file.getFile().getPath() : file.getDescription();
            } catch (IOException e) {
                return file.getDescription();
            }
        }
    }
}
