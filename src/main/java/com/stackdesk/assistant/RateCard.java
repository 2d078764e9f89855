package com.stackdesk.assistant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rate card of {@code config/rate-card.yml} and the estimate it gives: the developer days of
 * the project type plus those of each size answer, times the share the consultancy builds (by the
 * visitor's team); the price is those days at the day rate, times the timeline's factor; the
 * duration is those days spread over the developers the team answer puts on it. Both are shown as a
 * range of ± {@code spread} around the estimate, the price rounded outward to {@code roundTo}. A
 * pure decision: plain values in, plain values out.
 */
public record RateCard(
        String currency,
        int dayRate,
        int daysPerMonth,
        BigDecimal spread,
        int roundTo,
        Part<Days> project,
        List<Part<Days>> sizes,
        Part<Factor> timeline,
        Part<Team> team,
        List<String> assumptions) {

    /** The id the project type's answer is given under. */
    public static final String PROJECT = "project";

    public static final String TIMELINE = "timeline";
    public static final String TEAM = "team";

    /** One question of the card and what each of its answers means for the estimate. */
    public record Part<T extends Answer>(String id, String name, String text, List<T> options) {

        Optional<T> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }

        Question question() {
            return new Question(
                    id,
                    name,
                    text,
                    false,
                    options.stream()
                            .map(o -> new Question.Choice(o.id(), o.label()))
                            .toList());
        }
    }

    /** An answer of the card. */
    public sealed interface Answer permits Days, Factor, Team {
        String id();

        String label();
    }

    /** An answer that adds developer days. */
    public record Days(String id, String label, int days) implements Answer {}

    /** A timeline: a rush costs more. */
    public record Factor(String id, String label, BigDecimal factor) implements Answer {}

    /** The visitor's team: how many of our developers work on it, and which share of the work we do. */
    public record Team(String id, String label, int developers, BigDecimal share) implements Answer {}

    /** The questions in the order the assistant asks them. */
    public List<Question> questions() {
        var all = new ArrayList<Question>();
        all.add(project.question());
        sizes.forEach(s -> all.add(s.question()));
        all.add(timeline.question());
        all.add(team.question());
        return all;
    }

    /** A message per question that is missing or answered with an option it does not have (empty: usable). */
    public Map<String, String> check(Map<String, String> answers) {
        var errors = new LinkedHashMap<String, String>();
        var known = questions();
        for (var unknown : answers.keySet()) {
            if (known.stream().noneMatch(q -> q.id().equals(unknown))) {
                errors.put(unknown, "There is no question " + unknown);
            }
        }
        for (var question : known) {
            var chosen = answers.get(question.id());
            if (chosen == null || chosen.isBlank()) {
                errors.put(question.id(), "Answer \"" + question.text() + "\"");
            } else if (question.option(chosen).isEmpty()) {
                errors.put(question.id(), "\"" + chosen + "\" is not an answer to \"" + question.text() + "\"");
            }
        }
        return errors;
    }

    /**
     * The estimate for answers that passed {@link #check}.
     *
     * @param priceLow the low end of the price range, in {@code currency}
     * @param monthsLow the low end of the duration, in months (at least 1)
     * @param developerDays the developer days the estimate rests on
     * @param assumptions what the figures assume, the card's own assumptions last
     */
    public record Estimate(
            long priceLow,
            long priceHigh,
            int monthsLow,
            int monthsHigh,
            String currency,
            BigDecimal developerDays,
            List<String> assumptions) {

        /** "50–85k EUR, 1–2 months". */
        public String summary() {
            return price() + ", " + duration();
        }

        /** "50–85k EUR", or "52,500–85,000 EUR" when the ends are not whole thousands. */
        public String price() {
            if (priceLow % 1000 == 0 && priceHigh % 1000 == 0) {
                return priceLow / 1000 + "–" + priceHigh / 1000 + "k " + currency;
            }
            var format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            return format.format(priceLow) + "–" + format.format(priceHigh) + " " + currency;
        }

        /** "1–2 months", "1 month". */
        public String duration() {
            if (monthsLow == monthsHigh) {
                return monthsLow + (monthsLow == 1 ? " month" : " months");
            }
            return monthsLow + "–" + monthsHigh + " months";
        }
    }

    public Estimate estimate(Map<String, String> answers) {
        var base = project.option(answers.get(PROJECT)).orElseThrow();
        int days = base.days();
        for (var size : sizes) {
            days += size.option(answers.get(size.id())).orElseThrow().days();
        }
        var pace = timeline.option(answers.get(TIMELINE)).orElseThrow();
        var staffing = team.option(answers.get(TEAM)).orElseThrow();
        var effort = BigDecimal.valueOf(days).multiply(staffing.share());
        var price = effort.multiply(BigDecimal.valueOf(dayRate)).multiply(pace.factor());
        var low = price.multiply(BigDecimal.ONE.subtract(spread));
        var high = price.multiply(BigDecimal.ONE.add(spread));
        var step = BigDecimal.valueOf(roundTo);
        long priceLow = low.divide(step, 0, RoundingMode.FLOOR).multiply(step).longValueExact();
        long priceHigh =
                high.divide(step, 0, RoundingMode.CEILING).multiply(step).longValueExact();
        var months =
                effort.divide(BigDecimal.valueOf((long) staffing.developers() * daysPerMonth), 6, RoundingMode.HALF_UP);
        int monthsLow = Math.max(
                1,
                months.multiply(BigDecimal.ONE.subtract(spread))
                        .setScale(0, RoundingMode.FLOOR)
                        .intValueExact());
        int monthsHigh = Math.max(
                monthsLow,
                months.multiply(BigDecimal.ONE.add(spread))
                        .setScale(0, RoundingMode.CEILING)
                        .intValueExact());
        var format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        var why = new ArrayList<String>();
        why.add("About " + effort.setScale(0, RoundingMode.HALF_UP).toPlainString() + " developer days at "
                + format.format(dayRate) + " " + currency + " a day"
                + (staffing.share().compareTo(BigDecimal.ONE) < 0
                        ? ", "
                                + staffing.share()
                                        .movePointRight(2)
                                        .stripTrailingZeros()
                                        .toPlainString() + " % of the work, your team doing the rest"
                        : ""));
        why.add(staffing.developers() + " of our developers on it, " + daysPerMonth + " working days a month");
        if (pace.factor().compareTo(BigDecimal.ONE) != 0) {
            why.add("Timeline \"" + pace.label() + "\": price × "
                    + pace.factor().stripTrailingZeros().toPlainString());
        }
        why.add("Range: ± " + spread.movePointRight(2).stripTrailingZeros().toPlainString() + " % around the estimate");
        why.addAll(assumptions);
        return new Estimate(priceLow, priceHigh, monthsLow, monthsHigh, currency, effort, List.copyOf(why));
    }
}
