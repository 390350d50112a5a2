package org.finassist.rag.retrieve;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.FaqEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A keyword match naming most of the question's terms is found even when the vector leg's best cosine is low. */
class KeywordStrengthTest {

    private static Passage faq(String question, List<String> alternatives, String answer, Set<Leg> legs) {
        Chunk c = new Chunk(Chunk.idOf("kb", "faq", 0), "kb", "faq", "demo-faq", DocType.FAQ, List.of(question),
                "问：" + question + "\n答：" + answer, 0, new FaqEntry(question, answer, alternatives), null, null);
        return new Passage(c, 0.1, legs, 3.0, 0.3);
    }

    private static final Passage DIVIDEND_TAX = faq("股票分红要交税吗？", List.of("红利税怎么算", "股息红利税"),
            "个人从上市公司取得的股息红利按持股期限差别化征收个人所得税，卖出股票时由券商代扣。", Set.of(Leg.KEYWORD));
    private static final Passage CLOSING = faq("如何销户？", List.of(), "携带本人身份证到开户营业部办理。",
            Set.of(Leg.KEYWORD));

    @Test
    void anEntryNamingMostOfTheQuestionsTermsIsStrong() {
        assertThat(KeywordStrength.strong(List.of("股息", "利税", "谁", "扣"), List.of(DIVIDEND_TAX))).isTrue();
    }

    @Test
    void oneWordAndItsSubwordBigramsAreNotEnough() {
        assertThat(KeywordStrength.strong(List.of("营业部", "营业", "业部", "地址"), List.of(CLOSING))).isFalse();
    }

    @Test
    void onlyTheKeywordLegCounts() {
        Passage vectorOnly = new Passage(DIVIDEND_TAX.chunk(), 0.1, Set.of(Leg.VECTOR), Double.NaN, 0.3);
        assertThat(KeywordStrength.strong(List.of("股息", "利税"), List.of(vectorOnly))).isFalse();
    }
}
