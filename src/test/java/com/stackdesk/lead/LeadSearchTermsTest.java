package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadSearchTermsTest {

    @Test
    void foldsCaseAndAccents() {
        assertThat(LeadSearchTerms.fold("Zoë Müller-Łukasz Straße Ørsted"))
                .isEqualTo("zoe muller-lukasz strasse orsted");
    }

    @Test
    void findsALeadByEveryWordEmailPieceReferenceAndReversedPhoneDigits() {
        var terms = LeadSearchTerms.of(
                "SD-77YJGF",
                "José",
                "Fernández",
                "Anna.Mueller+crm@Fjord-Logistik.de",
                "Fjord Logistik GmbH",
                "+49 30 6433012");

        assertThat(terms)
                .contains("sd-77yjgf", "77yjgf")
                .contains("jose", "fernandez", "fjord", "logistik", "gmbh")
                .contains("anna.mueller+crm@fjord-logistik.de", "anna.mueller+crm", "anna", "mueller", "crm")
                .contains("fjord-logistik.de", "fjord-logistik", "de")
                .contains("#21033460394")
                .allSatisfy(t -> assertThat(t).isNotBlank().hasSizeLessThanOrEqualTo(LeadSearchTerms.MAX_TERM));
    }

    @Test
    void readsAQueryAsWordsThatMustAllMatch() {
        assertThat(LeadSearchTerms.query("  Chen.W  ").words()).containsExactly("chen", "w");
        assertThat(LeadSearchTerms.query("JOSÉ   García").words()).containsExactly("jose", "garcia");
        assertThat(LeadSearchTerms.query("ana@fjord.example").words()).containsExactly("ana@fjord.example");
        assertThat(LeadSearchTerms.query("%").matchesNothing()).isTrue();
    }

    @Test
    void readsAReferenceWithOrWithoutTheDash() {
        assertThat(LeadSearchTerms.query("SD-77YJGF").words()).containsExactly("sd-77yjgf");
        assertThat(LeadSearchTerms.query("sd77yjgf").words()).containsExactly("sd-77yjgf");
        assertThat(LeadSearchTerms.query("SD-77Y").words()).containsExactly("sd-77y");
        assertThat(LeadSearchTerms.query("sdk").words())
                .as("a word, not a reference")
                .containsExactly("sdk");
    }

    @Test
    void readsPhoneNumbersAsTheEndOfANumber() {
        assertThat(LeadSearchTerms.query("030 6433012").phone()).isEqualTo("#210334603");
        assertThat(LeadSearchTerms.query("+49 (30) 643-3012").phone()).isEqualTo("#21033460394");
        assertThat(LeadSearchTerms.query("643").phone())
                .as("fewer than four digits")
                .isNull();
        assertThat(LeadSearchTerms.query("Ana 6433012").phone())
                .as("not only phone characters")
                .isNull();
    }

    @Test
    void escapesWildcardsInPatterns() {
        assertThat(LeadSearchTerms.prefixPattern("a_b%c\\")).isEqualTo("a\\_b\\%c\\\\%");
        assertThat(new LeadSearchTerms.Query(List.of("ana"), "#21").patterns()).containsExactly("ana%", "#21%");
    }
}
