package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which cells a spreadsheet would run as a formula, and how the CSV keeps them text. */
class CsvFormulaNeutralizationTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "+1",
                "-1",
                "@SUM(A1)",
                "\tx",
                "\rx",
                " =HYPERLINK(\"http://evil.example\")", // a plain space
                "\u00A0=HYPERLINK(\"http://evil.example\")", // a no-break space
                "\u2007\u202F=1", // figure and narrow no-break spaces
                "\u3000=1", // ideographic space
                "\u200B=1", // zero-width space
                "\uFEFF=1", // a byte-order mark inside a cell
                " \n =1", // a line break, then the formula
                "\uFF1DSUM(A1)", // fullwidth =
                "\uFF0B1", // fullwidth +
                "\uFF0D1", // fullwidth -
                "\uFF20SUM(A1)", // fullwidth @
                "\u00A0\uFF1D1"
            })
    void aCellWhoseFirstNonBlankCharacterStartsAFormulaIsKeptAsText(String cell) {
        assertThat(LeadCsv.neutralized(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme = good", "José", "a-b", "  plain", "\u00A0Acme", "", "   ", "x@y.example"})
    void otherCellsStayAsTheyAre(String cell) {
        assertThat(LeadCsv.neutralized(cell)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 1234567", "+1 (555) 010-0199", "030 1234567", "(030) 123-45"})
    void aPhoneNumberOfDigitsSpacesAndPlusBracketsAndDashesKeepsItsPlus(String phone) {
        assertThat(LeadCsv.neutralizedPhone(phone)).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+49 30 1234567 =HYPERLINK(\"x\")",
                "=1+1",
                "+cmd|' /C calc'!A0",
                "\u00A0+49 30 123",
                "\uFF0B49 30 123",
                "@SUM(A1)"
            })
    void aPhoneCellWithAnythingElseIsNeutralizedLikeAnyCell(String phone) {
        assertThat(LeadCsv.neutralizedPhone(phone)).isEqualTo("'" + phone);
    }
}
