package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class InListTests {

    @Test
    void aListIsPaddedToThePowerOfTwoAboveWithItsLastValue() {
        var list = InList.of(List.of("a", "b", "c"));

        assertThat(list.placeholders()).isEqualTo("?, ?, ?, ?");
        assertThat(list.values()).containsExactly("a", "b", "c", "c");
    }

    @Test
    void aListOfAPowerOfTwoIsKeptAsItIs() {
        assertThat(InList.of(List.of(1)).placeholders()).isEqualTo("?");
        assertThat(InList.of(List.of(1, 2, 3, 4, 5, 6, 7, 8)).values()).hasSize(8);
        assertThat(InList.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)).values()).hasSize(16);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> InList.of(List.of()));
    }
}
