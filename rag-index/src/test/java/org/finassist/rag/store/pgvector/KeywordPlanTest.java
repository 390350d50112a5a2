package org.finassist.rag.store.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeywordPlanTest {

    private static final CorpusStats STATS = new CorpusStats(100_000, 5_000_000,
            Map.of("融券", 40L, "开通", 3_000L, "怎么", 30_000L, "业务", 60_000L));

    @Test
    void queryTermsWithinTheBudgetAllMatchSoRankingIsExact() {
        KeywordPlan plan = KeywordPlan.of(List.of("开通", "融券"), STATS, 5_000).orElseThrow();

        assertThat(plan.tiers()).containsExactly("'融券' | '开通'");
    }

    @Test
    void candidatesHaveOneRareTermOrTwoOfTheNextRarest() {
        KeywordPlan plan = KeywordPlan.of(List.of("怎么", "开通", "融券", "业务"), STATS, 5_000).orElseThrow();

        // singles within 2,500: 融券; pairs within 2,500 expected: 开通 & 怎么 (900), not 业务 (+19,800)
        assertThat(plan.tiers()).containsExactly("'融券' | ('开通' & '怎么')");
    }

    @Test
    void anyTwoOfSeveralTermsIsWrittenNested() {
        assertThat(TsText.anyOrTwoOf(List.of("甲"), List.of("乙", "丙", "丁")))
                .isEqualTo("'甲' | ('乙' & ('丙' | '丁')) | ('丙' & '丁')");
    }

    @Test
    void aRarestTermAboveHalfTheBudgetPairsUpThenStandsAlone() {
        KeywordPlan plan = KeywordPlan.of(List.of("怎么", "开通", "融券"), STATS, 10).orElseThrow();

        // 40 × 3,000 / 100,000 = 1.2 expected chunks with both
        assertThat(plan.tiers()).containsExactly("('融券' & '开通')", "'融券'");
    }

    @Test
    void onlyCommonTermsNeedSeveralOfThemThenRelaxOneByOne() {
        KeywordPlan plan = KeywordPlan.of(List.of("业务", "怎么", "开通"), STATS, 500).orElseThrow();

        // 3,000 × 0.3 = 900 > 500, × 0.6 = 540 > 500: all three terms, then two, then the rarest alone
        assertThat(plan.tiers()).containsExactly("'开通' & '怎么' & '业务'", "'开通' & '怎么'", "'开通'");
    }

    @Test
    void unknownTermsAreDroppedAndNoKnownTermMeansNoPlan() {
        assertThat(KeywordPlan.of(List.of("没有", "这些"), STATS, 5_000)).isEmpty();
        assertThat(KeywordPlan.of(List.of("没有", "融券"), STATS, 5_000).orElseThrow().terms()).containsExactly("融券");
    }

    @Test
    void weightsAreBm25IdfTimesQueryCount() {
        KeywordPlan plan = KeywordPlan.of(List.of("融券", "开通", "融券"), STATS, 5_000).orElseThrow();

        double idf = Math.log(1 + (100_000 - 40 + 0.5) / (40 + 0.5));
        assertThat(plan.terms()).containsExactly("融券", "开通");
        assertThat(plan.weights().getFirst()).isCloseTo(idf * 2, within(1e-9));
        assertThat(plan.weights().get(0)).isGreaterThan(plan.weights().get(1));
        assertThat(plan.lengthBase()).isCloseTo(1.2 * 0.25, within(1e-12));
        assertThat(plan.lengthRate()).isCloseTo(1.2 * 0.75 / 50, within(1e-12));
    }
}
