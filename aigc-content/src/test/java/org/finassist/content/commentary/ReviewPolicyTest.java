package org.finassist.content.commentary;

import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.guardrail.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewPolicyTest {

    private static Article article(String subject, ArticleStatus status, List<NarrativeAttempt> attempts) {
        return new Article(new ArticleId(ArticleType.RECAP, subject, LocalDate.of(2024, 9, 19), "v1"), status, "名称",
                new Article.Text("标题", "正文", "发布", List.of()), new Article.Evidence(List.of(), List.of(), List.of(),
                attempts), new Article.Generation(NarrativeSource.MODEL, "commentary", "m", 0, 0, BigDecimal.ZERO),
                Instant.EPOCH);
    }

    private static NarrativeAttempt ok() {
        return new NarrativeAttempt("model", "正文", true, List.of(), null, "m", 10);
    }

    private static NarrativeAttempt refused() {
        return new NarrativeAttempt("model", "建议买入", false,
                List.of(new Violation("compliance", "TRADING_ADVICE", "建议买入", "advice")), null, "m", 10);
    }

    @Test
    void cleanArticlesAreApprovedAutomaticallyOnlyWhenConfigured() {
        Article clean = article("600519.SH", ArticleStatus.DONE, List.of(ok()));
        assertThat(new ReviewPolicy(true, 0).decide(clean)).isEqualTo(ReviewPolicy.Decision.AUTO_APPROVED);
        assertThat(new ReviewPolicy(false, 0).decide(clean)).isEqualTo(ReviewPolicy.Decision.PENDING);
        assertThat(ReviewPolicy.REVIEW_ALL.decide(clean)).isEqualTo(ReviewPolicy.Decision.PENDING);
    }

    @Test
    void aRegeneratedOrRejectedArticleIsAlwaysRead() {
        Article regenerated = article("600519.SH", ArticleStatus.DONE, List.of(refused(), ok()));
        assertThat(new ReviewPolicy(true, 0).decide(regenerated)).isEqualTo(ReviewPolicy.Decision.PENDING);
        Article rejected = article("600519.SH", ArticleStatus.REJECTED, List.of(refused(), refused()));
        assertThat(new ReviewPolicy(true, 0).decide(rejected)).isEqualTo(ReviewPolicy.Decision.NOT_PUBLISHABLE);
    }

    @Test
    void samplingSendsTheConfiguredShareToTheQueueTheSameWayEveryTime() {
        ReviewPolicy tenth = new ReviewPolicy(true, 0.1);
        List<Article> clean = IntStream.range(0, 5000).mapToObj(i -> article(String.format("%06d.SZ", i),
                ArticleStatus.DONE, List.of(ok()))).toList();
        long pending = clean.stream().filter(a -> tenth.decide(a) == ReviewPolicy.Decision.PENDING).count();
        assertThat(pending).isBetween(400L, 600L);
        assertThat(clean.stream().filter(a -> tenth.decide(a) == ReviewPolicy.Decision.PENDING).count()).isEqualTo(pending);
    }
}
