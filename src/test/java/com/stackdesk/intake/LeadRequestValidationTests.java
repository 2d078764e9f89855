package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.StackLeaning;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadRequestValidationTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    static ConsultationRequest validConsultation() {
        var r = new ConsultationRequest();
        r.setFirstName("Zoë");
        r.setLastName("李");
        r.setEmail("zoe@example.com");
        r.setStack(StackLeaning.GO);
        r.setContactMethod(ContactMethod.EMAIL);
        r.setMessage("Let's talk about our Go services.");
        r.setConsent(true);
        return r;
    }

    private Map<String, String> errors(LeadRequest request) {
        return validator.validate(request).stream()
                .collect(Collectors.toMap(
                        v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a));
    }

    @Test
    void acceptsACompleteConsultationWithUnicodeNames() {
        assertThat(errors(validConsultation())).isEmpty();
    }

    @Test
    void namesEveryMissingRequiredField() {
        var errors = errors(new ConsultationRequest());
        assertThat(errors)
                .containsOnlyKeys("firstName", "lastName", "email", "stack", "consent", "contactMethod", "message");
        assertThat(errors.get("email")).isEqualTo("Enter your email address");
        assertThat(errors.get("consent")).contains("consent");
    }

    @Test
    void requiresTheDevelopmentPlanFields() {
        var errors = errors(new DevelopmentPlanRequest());
        assertThat(errors).containsKeys("company", "projectType", "description", "budget", "timeline", "teamSize");
    }

    @Test
    void rejectsOverlongFieldsWithTheLimitInTheMessage() {
        var r = validConsultation();
        r.setFirstName("a".repeat(LeadLimits.NAME + 1));
        r.setMessage("m".repeat(LeadLimits.MESSAGE + 1));
        var errors = errors(r);
        assertThat(errors).containsOnlyKeys("firstName", "message");
        assertThat(errors.get("firstName")).contains(String.valueOf(LeadLimits.NAME));
    }

    @Test
    void acceptsFieldsExactlyAtTheLimit() {
        var r = validConsultation();
        r.setFirstName("a".repeat(LeadLimits.NAME));
        assertThat(errors(r)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ana",
                "ana@",
                "@example.com",
                "ana@example",
                "ana@@example.com",
                "ana@exa mple.com",
                "ana@example.c",
                "ana@-example.com",
                "ana..lee@example.com",
                "ana@example..com",
                "<ana@example.com>"
            })
    void rejectsAddressesAMailCannotBeSentTo(String email) {
        var r = validConsultation();
        r.setEmail(email);
        assertThat(errors(r)).containsOnlyKeys("email");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ana@example.com", "ana.lee+crm@mail.example.co.uk", "o'neill@example.ie", "josé@exämple.de"})
    void acceptsRealAddresses(String email) {
        var r = validConsultation();
        r.setEmail(email);
        assertThat(errors(r)).isEmpty();
    }

    @Test
    void rejectsAPhoneNumberWithLetters() {
        var r = validConsultation();
        r.setPhone("call me maybe");
        assertThat(errors(r)).containsOnlyKeys("phone");
        r.setPhone("+49 (30) 123-4567");
        assertThat(errors(r)).isEmpty();
    }
}
