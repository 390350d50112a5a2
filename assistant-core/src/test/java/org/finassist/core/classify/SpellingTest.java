package org.finassist.core.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Misspelt scenario words are read as meant; other words, and the correct spelling, are left as typed. */
class SpellingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a homophone typo keeping one character of the term
            "开护要什么材料|开户要什么材料",
            "开互需要带什么|开户需要带什么",
            "见正的时候要说啥|见证的时候要说啥",
            "身分证过期了|身份证过期了",
            "创业版权限怎么关|创业板权限怎么关",
            "帐户被锁了|账户被锁了",
            // the term in pinyin, with or without a space, any case
            "kaihu要啥条件|开户要啥条件",
            "Kai Hu需要多久|开户需要多久",
            "jianzheng没通过|见证没通过",
            // initials, for the terms marked so
            "cyb开通条件|创业板开通条件",
            "KCB权限怎么开|科创板权限怎么开",
            "dp今天怎么样|大盘今天怎么样"})
    void misspellingsAreReadAsTheTerm(String typed, String read) {
        assertThat(Spelling.normalise(typed)).isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "开户需要带身份证吗",
            // two homophones together are another word, not a typo of 开户
            "凯湖公园在哪",
            // latin inside a longer word, or initials of a term not marked for them
            "dpi是什么", "kh是什么意思", "xh",
            "今天大盘怎么样", "gzmt最近咋样"})
    void otherWordsAreLeftAsTyped(String typed) {
        assertThat(Spelling.normalise(typed)).isEqualTo(typed);
    }
}
