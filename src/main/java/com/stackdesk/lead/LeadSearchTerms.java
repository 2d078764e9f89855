package com.stackdesk.lead;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a lead is found by what staff type into the search box: one rule for the terms stored per
 * lead ({@code lead_search_term}) and for reading a query. Terms are folded (lower case, accents
 * dropped: "José" is found as "jose"), and a query's words each match the start of a term:
 * a word of the name or company ("logistik" in "Fjord Logistik GmbH"), the email, its local part
 * and its pieces ("mueller" in "anna.mueller@…"), its domain, or the reference ("SD-77YJGF", also
 * without the "SD-"). A query of digits matches the end of a phone number, typed with or without
 * the country code and spaces.
 */
final class LeadSearchTerms {

    /** The longest term kept: the longest email the schema allows. */
    static final int MAX_TERM = LeadLimits.EMAIL;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EMAIL_PIECES = Pattern.compile("[._+\\-]+");
    private static final Pattern REFERENCE = Pattern.compile("sd-?([0-9a-z]{1,6})");
    /** A reference, or the start of one, as typed: "SD-77Y", "sd-77yjgf", "SD77YJGF". */
    private static final Pattern TYPED_REFERENCE = Pattern.compile("sd(?:-([0-9a-z]{1,6})|([0-9a-z]{6}))");

    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-./ ]+");
    /** Phone terms start with this, so digits typed as a word never match the end of a number. */
    private static final String PHONE = "#";

    private LeadSearchTerms() {}

    /** The lower-cased copy kept in the lead's sort columns (search_name, search_email, ...). */
    static String normalize(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Lower case without accents: "Zoë Müller-Łukasz" → "zoe muller-lukasz". */
    static String fold(String value) {
        var decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        var plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        var out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every term a lead is found by. */
    static Set<String> of(
            String reference,
            String firstName,
            String lastName,
            String email,
            @Nullable String company,
            @Nullable String phone) {
        var terms = new LinkedHashSet<String>();
        terms.add(fold(reference));
        var code = REFERENCE.matcher(fold(reference));
        if (code.matches()) {
            terms.add(code.group(1));
        }
        words(firstName, terms);
        words(lastName, terms);
        if (company != null) {
            words(company, terms);
        }
        var address = fold(email.strip());
        terms.add(address);
        int at = address.lastIndexOf('@');
        if (at > 0) {
            var local = address.substring(0, at);
            var domain = address.substring(at + 1);
            terms.add(local);
            for (var piece : EMAIL_PIECES.split(local)) {
                terms.add(piece);
            }
            terms.add(domain);
            for (var label : domain.split("\\.")) {
                terms.add(label);
            }
        }
        if (phone != null) {
            var digits = digits(phone);
            if (!digits.isEmpty()) {
                terms.add(PHONE + new StringBuilder(digits).reverse());
            }
        }
        terms.removeIf(String::isBlank);
        return terms.stream()
                .map(t -> t.length() > MAX_TERM ? t.substring(0, MAX_TERM) : t)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    private static void words(String value, Set<String> terms) {
        for (var word : NOT_WORD.split(fold(value))) {
            if (!word.isEmpty()) {
                terms.add(word);
            }
        }
    }

    private static String digits(String value) {
        var digits = new StringBuilder();
        value.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    /**
     * What a query asks for: every one of {@code words} is the start of one of the lead's terms, or,
     * when {@code phone} is set, the lead's phone number ends with it. No words and no phone: nothing
     * can match (the query held only punctuation).
     */
    record Query(List<String> words, @Nullable String phone) {

        boolean matchesNothing() {
            return words.isEmpty() && phone == null;
        }

        /** LIKE patterns: one per word, then the phone's if any. */
        List<String> patterns() {
            var patterns = new ArrayList<String>();
            words.forEach(w -> patterns.add(prefixPattern(w)));
            if (phone != null) {
                patterns.add(prefixPattern(phone));
            }
            return patterns;
        }
    }

    /**
     * Reads what was typed: whitespace separates words; a word with an "@" (an email) or in the
     * form of a reference stays whole, any other is split at punctuation ("chen.w" is "chen" and
     * "w"). A query of only phone characters with at least four digits also matches phone numbers
     * ending with its digits (a leading trunk zero dropped: "030 6433012" finds "+49 30 6433012").
     */
    static Query query(String typed) {
        var words = new ArrayList<String>();
        for (var token : fold(typed).strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            var reference = TYPED_REFERENCE.matcher(token);
            if (reference.matches()) {
                words.add("sd-" + (reference.group(1) != null ? reference.group(1) : reference.group(2)));
            } else if (token.contains("@")) {
                words.add(token.length() > MAX_TERM ? token.substring(0, MAX_TERM) : token);
            } else {
                for (var word : NOT_WORD.split(token)) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
        }
        String phone = null;
        var digits = digits(typed).replaceFirst("^0+", "");
        if (PHONE_LIKE.matcher(typed.strip()).matches() && digits.length() >= 4) {
            phone = PHONE + new StringBuilder(digits).reverse();
        }
        return new Query(List.copyOf(new LinkedHashSet<>(words)), phone);
    }

    /** A LIKE pattern matching values that start with {@code term}; wildcards in the term match themselves. */
    static String prefixPattern(String term) {
        var escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }
}
