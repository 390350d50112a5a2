package org.finassist.content.master;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippedTextTest {

    @Test
    void rowsSkipCommentsAndBlankValuesAndKeepTheirLineNumbers() {
        var rows = ShippedText.rows("# comment\n\nword\t通知||通过\n", "not-names", "kind<TAB>words");

        assertThat(rows).containsExactly(new ShippedText.Row(3, "word", List.of("通知", "通过")));
    }

    @Test
    void aLineWithoutTwoFieldsIsAnErrorNamingItsNumber() {
        assertThatThrownBy(() -> ShippedText.rows("word\t通知\nbroken line\n", "not-names", "kind<TAB>words"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not-names line 2: expected kind<TAB>words");
        assertThatThrownBy(() -> NotNames.parse("colour\t红\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-names line 1");
    }
}
