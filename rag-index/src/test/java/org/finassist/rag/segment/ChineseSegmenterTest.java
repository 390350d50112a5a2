package org.finassist.rag.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {

    private final ChineseSegmenter withDictionary = new ChineseSegmenter(FinanceDictionary.bundled());
    private final ChineseSegmenter plain = new ChineseSegmenter(FinanceDictionary.of(List.of()), Set.of(), false);

    @Test
    void keepsDictionaryTermsWholeThatPlainSmartcnSplits() {
        assertThat(plain.tokens("维持担保比例低于130%会被平仓")).doesNotContain("维持担保比例");
        assertThat(withDictionary.tokens("维持担保比例低于130%会被平仓")).contains("维持担保比例");
    }

    @Test
    void characterBigramsCrossWordBoundariesAndKeepOtherRunsSegmented() {
        // 开户 + 费用 gives the boundary bigram 户费, which no segmentation yields; ETF stays one (normalised) token
        assertThat(withDictionary.characterBigrams("开户费用ETF")).containsExactly("开户", "户费", "费用", "etf");
        // a lone character stands for itself
        assertThat(withDictionary.characterBigrams("A股")).containsExactly("a", "股");
    }

    @Test
    void longWordsAlsoYieldTheirSubwords() {
        assertThat(withDictionary.tokens("融资融券")).contains("融资融券", "融资", "融券");
    }

    @Test
    void configuredTermsExtendTheDictionary() {
        var extended = new ChineseSegmenter(FinanceDictionary.bundledPlus(List.of("金闪闪理财")));
        assertThat(withDictionary.tokens("金闪闪理财到期")).doesNotContain("金闪闪理财");
        assertThat(extended.tokens("金闪闪理财到期")).contains("金闪闪理财");
    }

    @Test
    void normalisesWidthAndCaseAndDropsPunctuationAndStopWords() {
        assertThat(withDictionary.tokens("ＥＴＦ是什么？T+1吗")).contains("etf", "t+1")
                .doesNotContain("什么", "？", "是", "吗");
    }

    @Test
    void joinsChineseWordsBrokenAcrossLinesByPdfExtraction() {
        assertThat(withDictionary.tokens("您解除合同的手 续及\n风险")).contains("手续", "风险");
        assertThat(withDictionary.tokens("T+1 交收")).contains("t+1");
    }
}
