package com.stackdesk.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of a public form as a visitor's browser sees it, with the rules the server checks it
 * by. The embeddable forms render it, their script validates with it, the API description
 * documents it; the rules come from the request's constraints, so there is one definition.
 *
 * @param name the parameter name in the form post and the JSON body
 * @param label what the visitor reads
 * @param input how the visitor enters it
 * @param requiredMessage when the field must be filled in (or ticked), what is said when it is not
 * @param maxLength at most this many characters, or null
 * @param maxLengthMessage what is said when it is longer
 * @param pattern a regular expression the whole value must match (same syntax in Java and in a
 *     browser with the {@code u} flag), or null
 * @param patternMessage what is said when it does not
 * @param emailMessage what is said when an email address is not one a mail can be sent to, or null
 * @param choices the values to choose from (the constant's name and its label)
 * @param autocomplete the HTML autocomplete token, or null
 * @param help a line of help below the field, or null
 * @param defaultValue the value chosen before the visitor chooses, or null
 */
public record FormField(
        String name,
        String label,
        Input input,
        @Nullable String requiredMessage,
        @Nullable Integer maxLength,
        @Nullable String maxLengthMessage,
        @Nullable String pattern,
        @Nullable String patternMessage,
        @Nullable String emailMessage,
        List<Choice> choices,
        @Nullable String autocomplete,
        @Nullable String help,
        @Nullable String defaultValue) {

    /** How a field is entered. */
    public enum Input {
        TEXT,
        EMAIL,
        TEL,
        TEXTAREA,
        RADIO,
        SELECT,
        DATETIME,
        CHECKBOX
    }

    /** One value to choose: its name as the API takes it, its label as the visitor reads it. */
    public record Choice(String value, String label) {}

    public boolean required() {
        return requiredMessage != null;
    }
}
