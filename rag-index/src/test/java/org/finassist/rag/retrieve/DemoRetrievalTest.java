package org.finassist.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.SharedBge;
import org.finassist.rag.demo.DemoKnowledgeBase;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retrieval on the demo knowledge base with the real bge-small-zh model. */
class DemoRetrievalTest {

    static KnowledgeIndex index;

    @BeforeAll
    static void ingestDemo() {
        index = KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory()).embedder(SharedBge.embedder()).build();
        List<IngestResult> results = index.ingest(DemoKnowledgeBase.KB_ID, DemoKnowledgeBase.files());
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(IngestResult.Indexed.class));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static RetrievalResult search(String q) {
        return index.search(q, SearchFilter.of(DemoKnowledgeBase.KB_ID));
    }

    @Test
    void paraphrasedFaqQuestionIsAnsweredAsIs() {
        RetrievalResult r = search("我忘了交易密码，怎么办");

        assertThat(r).isInstanceOf(RetrievalResult.FaqAnswer.class);
        var faq = ((RetrievalResult.FaqAnswer) r).passage();
        assertThat(faq.chunk().faq().question()).isEqualTo("忘记交易密码怎么办？");
        assertThat(faq.legs()).containsExactly(Leg.FAQ);
        assertThat(faq.score()).isGreaterThanOrEqualTo(index.hybridRetriever().options().faqThreshold());
    }

    @Test
    void documentQuestionFindsTheRightSectionWithBothLegs() {
        RetrievalResult r = search("维持担保比例低于多少会被强制平仓");

        assertThat(r).isInstanceOf(RetrievalResult.Found.class);
        Passage top = r.passages().getFirst();
        assertThat(top.chunk().docId()).isIn("margin-trading.md", "demo-faq.csv");
        assertThat(r.passages()).anySatisfy(p -> {
            assertThat(p.chunk().docId()).isEqualTo("margin-trading.md");
            assertThat(p.chunk().headingPath()).contains("维持担保比例");
            assertThat(p.legs()).contains(Leg.KEYWORD, Leg.VECTOR);
        });
    }

    @Test
    void outOfDomainQuestionsAreNotFound() {
        assertThat(search("今天晚上吃什么好")).isInstanceOf(RetrievalResult.NotFound.class);
        assertThat(search("帮我写一首关于春天的诗")).isInstanceOf(RetrievalResult.NotFound.class);
    }

    @Test
    void contentRetrieverCarriesCitationMetadata() {
        var retriever = index.retriever(Set.of(DemoKnowledgeBase.KB_ID));

        List<Content> faq = retriever.retrieve(Query.from("今天买的股票明天能卖吗"));
        assertThat(faq).hasSize(1);
        var md = faq.getFirst().textSegment().metadata();
        assertThat(md.getString(ContentKeys.FAQ_DIRECT)).isEqualTo("true");
        assertThat(md.getString(ContentKeys.FAQ_QUESTION)).isEqualTo("T+1是什么意思？");
        assertThat(md.getString(ContentKeys.FAQ_MATCHED_QUESTION)).isEqualTo("今天买的股票今天能卖吗");
        assertThat(faq.getFirst().textSegment().text()).isEqualTo(md.getString(ContentKeys.FAQ_ANSWER));

        List<Content> passages = retriever.retrieve(Query.from("融资融券的警戒线是多少"));
        assertThat(passages).isNotEmpty().allSatisfy(c -> {
            var m = c.textSegment().metadata();
            assertThat(m.getString(ContentKeys.KB_ID)).isEqualTo("demo");
            assertThat(m.getString(ContentKeys.DOCUMENT_ID)).isNotBlank();
            assertThat(m.getString(ContentKeys.DOCUMENT_TITLE)).isNotBlank();
            assertThat(m.getString(ContentKeys.CHUNK_ID)).startsWith("demo/");
            assertThat(m.getDouble(ContentKeys.SCORE)).isPositive();
            assertThat(m.getString(ContentKeys.LEGS)).isNotBlank();
        });
        assertThat(passages).anySatisfy(c -> assertThat(c.textSegment().metadata().getString(ContentKeys.HEADING_PATH))
                .contains("维持担保比例"));
    }

    @Test
    void retrieverReadsOnlyItsKnowledgeBases() {
        assertThat(index.retriever(Set.of("other-kb")).retrieve(Query.from("T+1是什么意思？"))).isEmpty();
    }

    /**
     * Paraphrased customer questions must find the FAQ entry that answers them among the passages shown (top 5), and
     * most of them first. Guards the fusion default: a keyword-heavy weight ranked "服务时间" in the hand-off FAQ above
     * the trading-hours entry for "股票交易时间是几点？".
     */
    @Test
    void customerPhrasingsFindTheirFaqEntry() throws Exception {
        List<String[]> rows = new java.io.BufferedReader(new java.io.InputStreamReader(
                DemoRetrievalTest.class.getResourceAsStream("demo-customer-questions.tsv"),
                java.nio.charset.StandardCharsets.UTF_8)).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        int first = 0;
        List<String> missed = new java.util.ArrayList<>();
        for (String[] row : rows) {
            List<String> top = switch (search(row[0])) {
                case RetrievalResult.FaqAnswer f -> List.of(f.passage().chunk().faq().question());
                case RetrievalResult.Found f -> f.passages().stream()
                        .map(p -> p.chunk().isFaq() ? p.chunk().faq().question() : p.chunk().docId()).toList();
                case RetrievalResult.NotFound n -> List.of();
            };
            if (!top.contains(row[1])) missed.add(row[0] + " -> " + top);
            if (!top.isEmpty() && top.getFirst().equals(row[1])) first++;
        }
        assertThat(missed).as("questions whose FAQ entry is not among the passages").isEmpty();
        assertThat(first).as("answered by the right entry first").isGreaterThanOrEqualTo(rows.size() * 9 / 10);
    }

    /** The look-alike/opposite set: no question may get the curated answer of an entry that does not answer it. */
    @Test
    void lookAlikeQuestionsNeverGetTheOppositeAnswer() throws Exception {
        List<String> wrong = new java.util.ArrayList<>();
        int direct = 0;
        try (var in = DemoRetrievalTest.class.getResourceAsStream("faq-look-alikes.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (search(f[0]) instanceof RetrievalResult.FaqAnswer a) {
                    direct++;
                    String got = a.passage().chunk().faq().question();
                    if (!got.equals(f[2])) wrong.add(f[0] + " -> " + got);
                }
            }
        }
        assertThat(wrong).as("wrong direct answers").isEmpty();
        assertThat(direct).as("the set still exercises the fast path").isGreaterThanOrEqualTo(10);
    }

    @Test
    void expiredEntriesAreNotRetrievedAndAreDueForReview() {
        var retriever = index.retriever(Set.of(DemoKnowledgeBase.KB_ID));
        for (String q : List.of("ST股票涨跌幅限制是多少", "ST股票是什么意思", "股票的涨跌幅限制是多少？")) {
            assertThat(retriever.retrieve(Query.from(q))).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.textSegment().text()).doesNotContain("ST股票为5%", "涨跌幅限制为5%（主板）"));
        }
        var due = index.dueForReview(DemoKnowledgeBase.KB_ID, java.time.LocalDate.of(2026, 12, 6), 60);
        assertThat(due).filteredOn(r -> r.reason() == org.finassist.rag.ReviewItem.Reason.EXPIRED)
                .extracting(org.finassist.rag.ReviewItem::question)
                .containsExactlyInAnyOrder("股票的涨跌幅限制是多少？", "ST股票是什么意思？");
        assertThat(due).as("every demo entry is dated").noneMatch(r -> r.reason() == org.finassist.rag.ReviewItem.Reason.UNDATED);
    }
}
