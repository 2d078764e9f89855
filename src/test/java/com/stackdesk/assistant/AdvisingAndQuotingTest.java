package com.stackdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.lead.StackLeaning;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The advisor rules and the rate card, read from the files the jar ships and from a test file of
 * their own: the recommendations and estimates below are worked out by hand from those files.
 */
class AdvisingAndQuotingTest {

    private static final AdvisorRules DEFAULT_RULES =
            AssistantFiles.rules(new ClassPathResource("assistant/assistant-rules.yml"));
    private static final RateCard DEFAULT_CARD =
            AssistantFiles.rateCard(new ClassPathResource("assistant/rate-card.yml"));
    private static final AdvisorRules TEST_RULES =
            AssistantFiles.rules(new ClassPathResource("assistant-test/rules.yml"));
    private static final RateCard TEST_CARD =
            AssistantFiles.rateCard(new ClassPathResource("assistant-test/rate-card.yml"));

    @TempDir
    Path dir;

    @Test
    void recommendsGoOverNodeForATeamThatKnowsGoWithManyConnections() {
        // go: 3 connections + 3 knows Go + 2 hiring = 8; node: 2 connections + 2 existing = 4; java: 1
        var answers = Map.of(
                "languages", List.of("go"),
                "hiring", List.of("go"),
                "workload", List.of("concurrent-io"),
                "existing", List.of("javascript"));
        assertThat(DEFAULT_RULES.check(answers)).isEmpty();

        var recommendation = DEFAULT_RULES.recommend(answers);

        assertThat(recommendation.recommended().stack().leaning()).isEqualTo(StackLeaning.GO);
        assertThat(recommendation.recommended().points()).isEqualTo(8);
        assertThat(recommendation.recommended().reasons())
                .containsExactly(
                        "many concurrent connections", "team knows Go", "Go developers are easy to hire where you are");
        assertThat(recommendation.runnerUp().stack().label()).isEqualTo("Node.js");
        assertThat(recommendation.runnerUp().points()).isEqualTo(4);
        assertThat(recommendation.runnerUp().reasons())
                .containsExactly("many concurrent connections", "fits your existing Node.js systems");
        assertThat(recommendation.summary()).isEqualTo("Go over Node.js — many concurrent connections, team knows Go");
    }

    @Test
    void aRunnerUpWithoutPointsIsTheFirstListedWithTheNoSignalReason() {
        // python: 4 data + 3 knows Python = 7; every other stack 0, so Go (listed first) is the runner-up
        var recommendation = DEFAULT_RULES.recommend(Map.of(
                "languages", List.of("python"),
                "hiring", List.of("unknown"),
                "workload", List.of("data-ml"),
                "existing", List.of("greenfield")));

        assertThat(recommendation.summary()).isEqualTo("Python over Go — data and ML libraries, team knows Python");
        assertThat(recommendation.runnerUp().reasons())
                .containsExactly("a sound all-round choice; nothing in your answers points strongly elsewhere");
    }

    @Test
    void evaluatesATestRuleSetOfItsOwn() {
        // elixir 4 + 2 = 6, rust 2, kotlin 0
        assertThat(TEST_RULES
                        .recommend(Map.of("traffic", List.of("wild"), "tastes", List.of("functional")))
                        .summary())
                .isEqualTo("Elixir over Rust — wild traffic, likes functional");
        // rust 2 + 5 = 7, kotlin 2 - 1 = 1: negative points give no reason
        var fast = TEST_RULES.recommend(Map.of("traffic", List.of("calm"), "tastes", List.of("speed")));
        assertThat(fast.summary()).isEqualTo("Rust over Kotlin — calm but fast, types or speed");
        assertThat(fast.runnerUp().points()).isEqualTo(1);
        assertThat(fast.runnerUp().reasons()).containsExactly("types or speed");
        // kotlin 2, rust 2: the tie goes to the stack listed first
        assertThat(TEST_RULES
                        .recommend(Map.of("traffic", List.of("calm"), "tastes", List.of("types")))
                        .summary())
                .isEqualTo("Kotlin over Rust — types or speed");
        // elixir 2, kotlin 0, rust 0
        var calm = TEST_RULES.recommend(Map.of("traffic", List.of("calm"), "tastes", List.of("functional")));
        assertThat(calm.runnerUp().stack().id()).isEqualTo("kotlin");
        assertThat(calm.runnerUp().reasons()).containsExactly("nothing points elsewhere");
    }

    @Test
    void refusesAnswersTheQuestionsDoNotHave() {
        var errors = TEST_RULES.check(
                Map.of("traffic", List.of("calm", "wild"), "tastes", List.of("cobol"), "mood", List.of("happy")));

        assertThat(errors)
                .containsEntry("traffic", "Choose one answer to \"How busy will it be?\"")
                .containsEntry("tastes", "\"cobol\" is not an answer to \"What does the team like?\"")
                .containsEntry("mood", "There is no question mood");
        assertThat(TEST_RULES.check(Map.of("traffic", List.of("calm"))))
                .containsOnlyKeys("tastes")
                .containsEntry("tastes", "Answer \"What does the team like?\"");
    }

    @Test
    void quotesASmallApiFromTheShippedRateCard() {
        // 40 + 30 + 15 + 0 = 85 days × 800 = 68,000; ± 20 %: 54,400 → 50k, 81,600 → 85k;
        // 85 days / (3 × 20) = 1.42 months; ± 20 %: 1.13 → 1, 1.7 → 2
        var estimate = DEFAULT_CARD.estimate(Map.of(
                "project", "api-backend",
                "features", "some",
                "integrations", "few",
                "users", "small",
                "timeline", "flexible",
                "team", "none"));

        assertThat(estimate.priceLow()).isEqualTo(50_000);
        assertThat(estimate.priceHigh()).isEqualTo(85_000);
        assertThat(estimate.summary()).isEqualTo("50–85k EUR, 1–2 months");
        assertThat(estimate.assumptions())
                .containsExactly(
                        "About 85 developer days at 800 EUR a day",
                        "3 of our developers on it, 20 working days a month",
                        "Range: ± 20 % around the estimate",
                        "Prices exclude VAT, hosting and licences.",
                        "Design, testing and deployment are included; ongoing maintenance is not.",
                        "A rough estimate from a few answers, not an offer; a call turns it into one.");
    }

    @Test
    void quotesABigRushedProductWithTheVisitorsTeam() {
        // (80 + 70 + 35 + 25) × 0.8 = 168 days × 800 × 1.25 = 168,000; ± 20 %: 134,400 → 130k, 201,600 → 205k;
        // 168 / (2 × 20) = 4.2 months; ± 20 %: 3.36 → 3, 5.04 → 6
        var estimate = DEFAULT_CARD.estimate(Map.of(
                "project", "new-product",
                "features", "many",
                "integrations", "many",
                "users", "large",
                "timeline", "asap",
                "team", "some"));

        assertThat(estimate.summary()).isEqualTo("130–205k EUR, 3–6 months");
        assertThat(estimate.assumptions().subList(0, 3))
                .containsExactly(
                        "About 168 developer days at 800 EUR a day, 80 % of the work, your team doing the rest",
                        "2 of our developers on it, 20 working days a month",
                        "Timeline \"As soon as possible\": price × 1.25");
    }

    @Test
    void quotesFromATestRateCardOfItsOwn() {
        // (10 + 23) × 0.5 = 16.5 days × 1,000 × 1.5 = 24,750; ± 10 %: 22,275 → 22k, 27,225 → 28k;
        // 16.5 / (2 × 10) = 0.825 months: at least 1
        assertThat(TEST_CARD
                        .estimate(Map.of("project", "site", "pages", "lots", "timeline", "now", "team", "half"))
                        .summary())
                .isEqualTo("22–28k CHF, 1 month");
        // 10 days × 1,000 = 10,000; ± 10 %: 9k–11k; 10 / 10 = 1 month; ± 10 %: 0.9 → 1, 1.1 → 2
        var alone = TEST_CARD.estimate(Map.of("project", "site", "pages", "one", "timeline", "later", "team", "alone"));
        assertThat(alone.summary()).isEqualTo("9–11k CHF, 1–2 months");
        assertThat(alone.developerDays()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(TEST_CARD.check(Map.of("project", "site", "pages", "some", "timeline", "later")))
                .containsEntry("pages", "\"some\" is not an answer to \"How many pages?\"")
                .containsEntry("team", "Answer \"Who?\"")
                .hasSize(2);
    }

    @Test
    void theOperatorsCopiesInConfigAreTheShippedDefaults() throws IOException {
        assertThat(Path.of("config", "assistant-rules.yml"))
                .hasSameTextualContentAs(new ClassPathResource("assistant/assistant-rules.yml").getFilePath());
        assertThat(Path.of("config", "rate-card.yml"))
                .hasSameTextualContentAs(new ClassPathResource("assistant/rate-card.yml").getFilePath());
    }

    @Test
    void aMistakeInTheRulesStopsTheStartWithItsPlace() throws IOException {
        var rules = Files.readString(new ClassPathResource("assistant-test/rules.yml").getFilePath());
        assertThatThrownBy(() -> AssistantFiles.rules(file("rules.yml", rules.replace("rust: 2}", "go: 2}"))))
                .isInstanceOf(AssistantFiles.InvalidFile.class)
                .hasMessageEndingWith(
                        "rules.yml: rules[0].scores: \"go\" is not one of the stacks [elixir, kotlin, rust]");
        assertThatThrownBy(() ->
                        AssistantFiles.rules(file("rules.yml", rules.replace("{traffic: wild}", "{traffic: stormy}"))))
                .hasMessageEndingWith(
                        "rules.yml: rules[0].when.traffic: \"stormy\" is not an option of question traffic");
        assertThatThrownBy(() ->
                        AssistantFiles.rules(file("rules.yml", rules.replace("leaning: JAVA", "leaning: KOTLIN"))))
                .hasMessageContaining(
                        "stacks[1].leaning: \"KOTLIN\" is not one of [NODE_JS, PYTHON, GO, JAVA, PHP, RUBY, OTHER, NOT_SURE]");
        assertThatThrownBy(() -> AssistantFiles.rules(file("rules.yml", "stacks: [")))
                .hasMessageContaining("rules.yml: is not valid YAML");
    }

    @Test
    void aMistakeInTheRateCardStopsTheStartWithItsPlace() throws IOException {
        var card = Files.readString(new ClassPathResource("assistant-test/rate-card.yml").getFilePath());
        assertThatThrownBy(() ->
                        AssistantFiles.rateCard(file("card.yml", card.replace("day-rate: 1000", "day-rate: cheap"))))
                .hasMessageEndingWith("card.yml: day-rate: write a whole number above 0");
        assertThatThrownBy(() -> AssistantFiles.rateCard(file("card.yml", card.replace("share: 0.5", "share: 2"))))
                .hasMessageEndingWith(
                        "card.yml: team.options[1].share: give the share of the work we do, above 0 and at most 1");
        assertThatThrownBy(() -> AssistantFiles.rateCard(file("card.yml", card.replace("- id: pages", "- id: team"))))
                .hasMessageEndingWith(
                        "card.yml: size[0].id: \"team\" is taken by a question of its own; choose another id");
    }

    private FileSystemResource file(String name, String content) throws IOException {
        var path = dir.resolve(name);
        Files.writeString(path, content);
        return new FileSystemResource(path);
    }
}
