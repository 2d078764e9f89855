package com.stackdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An address a mail can really be sent to: {@code local@domain.tld}, no spaces, a dotted domain
 * with a top-level part of two letters or more. Stricter than {@code @Email}, which takes {@code a@b}.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailAddress.Validator.class)
public @interface EmailAddress {

    String message() default "Enter an email address like name@company.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null and blank pass: {@code @NotBlank} says that the field is required. */
    class Validator implements ConstraintValidator<EmailAddress, String> {

        // the same expressions run in a visitor's browser (IntakeFields hands them to the embed script)
        static final String LOCAL_PART = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*";
        static final String DOMAIN_LABEL = "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
        static final String TOP_LEVEL = "[\\p{L}]{2,63}|xn--[a-z0-9-]{1,59}";

        private static final Pattern LOCAL = Pattern.compile(LOCAL_PART);
        private static final Pattern LABEL = Pattern.compile(DOMAIN_LABEL);
        private static final Pattern TLD = Pattern.compile(TOP_LEVEL);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            return isValid(value);
        }

        static boolean isValid(String value) {
            int at = value.lastIndexOf('@');
            if (at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
                return false;
            }
            var local = value.substring(0, at);
            var domain = value.substring(at + 1);
            if (local.length() > 64
                    || domain.length() > 253
                    || !LOCAL.matcher(local).matches()) {
                return false;
            }
            var labels = domain.split("\\.", -1);
            if (labels.length < 2) {
                return false;
            }
            for (var label : labels) {
                if (!LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return TLD.matcher(labels[labels.length - 1]).matches();
        }
    }
}
