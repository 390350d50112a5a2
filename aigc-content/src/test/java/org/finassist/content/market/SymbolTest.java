package org.finassist.content.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolTest {

    @ParameterizedTest
    @CsvSource({
        "600000, 600000.SH, MAIN", "600000.sh, 600000.SH, MAIN", "600519.SS, 600519.SH, MAIN",
        "sz000001, 000001.SZ, MAIN", "000001, 000001.SZ, MAIN", "300750, 300750.SZ, CHINEXT",
        "301269.SZ, 301269.SZ, CHINEXT", "688981, 688981.SH, STAR", "830799, 830799.BJ, BSE",
        "920001, 920001.BJ, BSE", "000001.SH, 000001.SH, INDEX", "399006.sz, 399006.SZ, INDEX"
    })
    void normalisesAndRecognisesBoards(String input, String normalised, Board board) {
        Symbol symbol = Symbol.parse(input);
        assertThat(symbol).hasToString(normalised);
        assertThat(symbol.board()).isEqualTo(board);
    }

    @Test
    void rejectsNonSymbols() {
        assertThat(Symbol.tryParse("60000")).isEmpty();
        assertThat(Symbol.tryParse("平安银行")).isEmpty();
        assertThat(Symbol.tryParse("700000")).isEmpty();
        assertThatThrownBy(() -> Symbol.parse("abc")).hasMessageContaining("abc");
    }

    @Test
    void stFlagComesFromTheName() {
        assertThat(SecurityInfo.of(Symbol.parse("600001"), "*ST 华源").st()).isTrue();
        assertThat(SecurityInfo.of(Symbol.parse("600001"), "ST华源").st()).isTrue();
        assertThat(SecurityInfo.of(Symbol.parse("600001"), "华源STAR").st()).isFalse();
    }
}
