package org.finassist.core.assistant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A time of day as customers say it is written as the trading rules write it; decimals and "一点点" are not times. */
class ClockTimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "两点五十八分 我还能撤单不|14:58 我还能撤单不",
            "下午三点差两分还能买吗|14:58还能买吗",
            "9点20以后能撤单吗|9:20以后能撤单吗",
            "九点二十二分挂的单能撤吗|9:22挂的单能撤吗",
            "中午十二点能买股票吗|12:00能买股票吗",
            "早上九点半开盘吗|9:30开盘吗",
            "三点以后还能转账吗|15:00以后还能转账吗",
            "9：25下的单|9:25下的单",
            "14:57以后能撤单吗|14:57以后能撤单吗"})
    void aTimeOfDayIsWrittenAsTheRulesWriteIt(String said, String written) {
        assertThat(ClockTime.normalise(said)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"佣金万分之二点五是多少", "利率一点五倍", "我有一点担心", "几点开盘", "十点", "一点五"})
    void decimalsAndOtherWordsAreLeftAsTyped(String said) {
        assertThat(ClockTime.normalise(said)).isEqualTo(said);
    }
}
