package org.finassist.content.commentary;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import org.finassist.content.anomaly.MarketScan;
import org.finassist.content.facts.Fact;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.content.guard.ScriptedChatModel;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.finassist.core.guardrail.Disclosure;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Commentary over the seeded synthetic market: local templates, a scripted model, checks, idempotent items. */
class CommentaryServiceTest {

    private static final SyntheticMarket MARKET = new SyntheticMarket(SyntheticMarket.Config.of(5, 300));
    private static final List<Symbol> UNIVERSE = MARKET.stocks().stream().map(SecurityInfo::symbol).toList();

    private static CommentaryService local() {
        return CommentaryService.builder().marketData(MARKET).build();
    }

    @Test
    void localTemplatesWriteEveryTypeCheckedLabelledAndDated() {
        CommentaryService service = local();
        MarketScan scan = service.scan(UNIVERSE, MARKET.latestTradingDate());
        List<ArticleRequest> plan = service.plan(scan, UNIVERSE, EnumSet.allOf(ArticleType.class));
        assertThat(plan).extracting(r -> r.id().type()).contains(ArticleType.values());
        assertThat(plan.stream().filter(r -> r.id().type() == ArticleType.RECAP).count())
                .isEqualTo(300 - scan.skipped().size());
        assertThat(plan.stream().filter(r -> r.id().type() == ArticleType.ALERT).count()).isEqualTo(scan.anomalies().size());
        for (ArticleRequest r : plan) {
            Article a = service.write(r);
            assertThat(a.status()).as(r.id().value()).isEqualTo(ArticleStatus.DONE);
            assertThat(a.generation().source()).isEqualTo(NarrativeSource.LOCAL_TEMPLATE);
            assertThat(a.text().published()).startsWith(Disclosure.DEFAULT.aigcLabel())
                    .contains("数据日期：" + scan.date()).endsWith(Disclosure.DEFAULT.disclaimer());
            assertThat(a.evidence().checks()).isEmpty();
            if (r.id().type() == ArticleType.VIDEO) {
                int seconds = VideoScripts.seconds(a.text().segments());
                assertThat(seconds).as(a.text().body()).isBetween(30, 60);
                assertThat(a.text().segments()).allSatisfy(s -> assertThat(s.caption().length()).isLessThanOrEqualTo(18));
            }
        }
    }

    @Test
    void modelTextIsCheckedRegeneratedOnceThenRejected() {
        Symbol symbol = UNIVERSE.getFirst();
        ArticleRequest recap = request(ArticleType.RECAP, symbol);
        Article reference = local().write(recap);
        String close = fact(reference, "close").display();
        String good = "数据日期" + MARKET.latestTradingDate() + "，" + reference.subjectName() + "收盘价" + close + "。";

        ScriptedChatModel model = new ScriptedChatModel("deepseek").then("收盘价123.45元，建议买入。").then(good);
        Article a = CommentaryService.builder().marketData(MARKET).model(model).build().write(recap);
        assertThat(a.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(a.generation().source()).isEqualTo(NarrativeSource.MODEL_REGENERATED);
        assertThat(a.text().body()).isEqualTo(good);
        assertThat(a.generation().promptTokens()).isEqualTo(200);
        assertThat(a.generation().completionTokens()).isEqualTo(100);
        assertThat(a.generation().model()).isEqualTo("deepseek-chat");
        assertThat(a.evidence().attempts().getFirst().violations()).extracting(v -> v.code())
                .contains("UNGROUNDED_NUMBER", "TRADING_ADVICE");
        assertThat(model.prompts().get(1)).contains("收盘价123.45元，建议买入");

        ScriptedChatModel bad = new ScriptedChatModel("deepseek").then("必涨！").then("收盘价999元。");
        Article rejected = CommentaryService.builder().marketData(MARKET).model(bad).build().write(recap);
        assertThat(rejected.status()).isEqualTo(ArticleStatus.REJECTED);
        assertThat(rejected.text().published()).isEmpty();
        assertThat(rejected.evidence().checks()).extracting(v -> v.code()).contains("UNGROUNDED_NUMBER");
    }

    @Test
    void theOfflineLocalModelAnsweringMeansTheLocalTemplateWrites() {
        ScriptedChatModel model = new ScriptedChatModel("local").then("whatever");
        Article a = CommentaryService.builder().marketData(MARKET).model(model).build()
                .write(request(ArticleType.ALERT, UNIVERSE.getFirst()));
        assertThat(a.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(a.generation().source()).isEqualTo(NarrativeSource.LOCAL_TEMPLATE);
    }

    @Test
    void itemsAreIdempotentAndNeverCallTheModelTwice() {
        Symbol symbol = UNIVERSE.get(1);
        ArticleRequest recap = request(ArticleType.RECAP, symbol);
        String close = fact(local().write(recap), "close").display();
        ScriptedChatModel model = new ScriptedChatModel("deepseek").then("收盘价" + close + "。");
        InMemoryArticleStore store = new InMemoryArticleStore();
        CommentaryItems items = new CommentaryItems(
                CommentaryService.builder().marketData(MARKET).model(model).build(), store);
        assertThat(items.run(recap, "run-1").status()).isEqualTo(ArticleStatus.DONE);
        // the same run resumed after a crash, then another run: the script has no second answer, so a second
        // model call would fail the test with an AssertionError
        assertThat(items.run(recap, "run-1").status()).isEqualTo(ArticleStatus.DONE);
        assertThat(items.run(recap, "run-2").status()).isEqualTo(ArticleStatus.SKIPPED);
        assertThat(model.prompts()).hasSize(1);
        assertThat(store.articles()).hasSize(1);
    }

    @Test
    void failedItemsReportTheirErrorAndStoreNothing() {
        InMemoryArticleStore store = new InMemoryArticleStore();
        ItemResult r = new CommentaryItems(local(), store).run(request(ArticleType.RECAP, Symbol.parse("600999.SH")), "x");
        assertThat(r.status()).isEqualTo(ArticleStatus.FAILED);
        assertThat(r.error()).contains("600999.SH");
        assertThat(store.articles()).isEmpty();
    }

    @Test
    void newsPassagesAreOfferedAsPossibleFactorsAndKeptAsCitations() {
        MarketScan scan = local().scan(UNIVERSE, MARKET.latestTradingDate());
        Symbol withAnomaly = scan.anomalies().keySet().iterator().next();
        ScriptedChatModel model = new ScriptedChatModel("deepseek").then("数据日期" + scan.date() + "，盘面出现异动。");
        Article a = CommentaryService.builder().marketData(MARKET).model(model)
                .newsRetriever(q -> List.of(Content.from(TextSegment.from("公司公告：签订重大合同。"))))
                .build().write(request(ArticleType.ALERT, withAnomaly));
        assertThat(a.evidence().citations()).containsExactly("公司公告：签订重大合同。");
        assertThat(model.prompts().getFirst()).contains("可能相关的新闻摘要").contains("签订重大合同");
        assertThat(a.status()).isEqualTo(ArticleStatus.DONE);
    }

    @Test
    void idsRoundTripAndExportsCarryTheMetadata() {
        ArticleRequest r = request(ArticleType.VIDEO, UNIVERSE.getFirst());
        assertThat(ArticleId.parse(r.id().value())).isEqualTo(r.id());
        assertThat(r.id().templateVersion()).matches("[0-9a-f]{8}");
        assertThat(local().templateVersion(ArticleType.VIDEO)).isNotEqualTo(local().templateVersion(ArticleType.MARKET));
        Article a = local().write(r);
        String md = ArticleExport.markdown(a);
        assertThat(md).startsWith("# " + Disclosure.DEFAULT.aigcLabel()).contains("| 时间 | 口播 | 字幕 |")
                .contains(Disclosure.DEFAULT.disclaimer());
        String json = ArticleExport.json(a);
        assertThat(ArticleExport.field(json, "id")).isEqualTo(r.id().value());
        assertThat(ArticleExport.field(json, "templateVersion")).isEqualTo(r.id().templateVersion());
        assertThat(json).contains("\"facts\"", "\"checks\"", "\"route\" : \"local\"", "\"segments\"");
    }

    private static ArticleRequest request(ArticleType type, Symbol symbol) {
        return new ArticleRequest(new ArticleId(type, symbol.toString(), MARKET.latestTradingDate(),
                local().templateVersion(type)), null);
    }

    private static Fact fact(Article a, String key) {
        return a.evidence().facts().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

}
