package org.finassist.dh.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityChecksTest {

    private static final String ID = "11010119900307123X";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            07123X                   | MATCH
            零七一二三叉              | MATCH
            洞拐幺两三叉              | MATCH
            我的后六位是零七一二三X     | MATCH
            零 七 一 二 三 x          | MATCH
            11010119900307123X       | MATCH
            幺幺零幺零幺幺九九零零三零七幺两三叉 | MATCH
            21010119900307123X       | MISMATCH
            零七一二三四              | MISMATCH
            零七一二                  | UNCLEAR
            不记得了                  | UNCLEAR
            """)
    void idSuffixSpokenInAnyNumerals(String spoken, MatchResult expected) {
        assertThat(IdentityChecks.idSuffix(spoken, ID, 6)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            张伟                 | MATCH
            我叫张伟。            | MATCH
            我是张 伟            | MATCH
            章伟                 | UNCLEAR
            李娜                 | MISMATCH
            ''                   | UNCLEAR
            """)
    void names(String spoken, MatchResult expected) {
        assertThat(IdentityChecks.name(spoken, "张伟")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            本人自愿开立证券账户，已知晓投资风险。   | 1.0  | 1.0
            本人自愿开立证券账户已知晓投资风险       | 1.0  | 1.0
            本人资源开立证券账户，已知晓投资风险     | 0.85 | 0.95
            本人自愿开立账户                       | 0.4  | 0.6
            今天天气很好                           | 0.0  | 0.2
            """)
    void readAloudSimilarity(String spoken, double min, double max) {
        double score = ReadAloudScorer.similarity(spoken, "本人自愿开立证券账户，已知晓投资风险。");
        assertThat(score).isBetween(min, max);
    }
}
