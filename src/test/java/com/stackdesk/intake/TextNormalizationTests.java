package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizationTests {

    @Test
    void keepsUnicodeNames() {
        assertThat(Text.singleLine("José")).isEqualTo("José");
        assertThat(Text.singleLine("Zoë")).isEqualTo("Zoë");
        assertThat(Text.singleLine("李雷")).isEqualTo("李雷");
        assertThat(Text.singleLine("Ngọc Ánh")).isEqualTo("Ngọc Ánh");
    }

    @Test
    void composesDecomposedAccentsSoTheSameNameIsStoredTheSameWay() {
        var decomposed = "Jose\u0301"; // e + combining acute accent
        assertThat(Text.singleLine(decomposed)).isEqualTo("José").hasSize(4);
    }

    @Test
    void replacesLineBreaksAndControlCharactersInSingleLineFields() {
        assertThat(Text.singleLine("Ana\r\nBcc: evil@example.com")).isEqualTo("Ana Bcc: evil@example.com");
        assertThat(Text.singleLine("A\u0000B\tC\u0007D")).isEqualTo("A B C D");
        assertThat(Text.singleLine("Ana\u2028Lee")).isEqualTo("Ana Lee");
        assertThat(Text.singleLine("Ana\u200BLee\u202E")).isEqualTo("Ana Lee");
    }

    @Test
    void trimsAndCollapsesWhitespaceAndTurnsBlankIntoNull() {
        assertThat(Text.singleLine("  Ana    Lee  ")).isEqualTo("Ana Lee");
        assertThat(Text.singleLine(" \t\r\n ")).isNull();
        assertThat(Text.singleLine(null)).isNull();
    }

    @Test
    void keepsParagraphsInMultiLineFieldsButNoOtherControlCharacters() {
        assertThat(Text.multiLine("Hello\r\n\r\n\r\n\r\nWorld\u0000!\r\nBye  ")).isEqualTo("Hello\n\nWorld!\nBye");
        assertThat(Text.multiLine("   ")).isNull();
    }

    @Test
    void keepsMarkupAsPlainText() {
        assertThat(Text.singleLine("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void lowerCasesOnlyTheDomainOfAnEmail() {
        assertThat(Text.email("  John.Doe@Example.COM ")).isEqualTo("John.Doe@example.com");
        assertThat(Text.email("ana @ example.com")).isEqualTo("ana@example.com");
        assertThat(Text.email("ana@exa\r\nmple.com")).isEqualTo("ana@example.com");
    }
}
