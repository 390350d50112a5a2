package org.finassist.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.FaqEntry;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.HybridRetriever;
import org.finassist.rag.retrieve.Passage;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KnowledgeStore} must show. Vectors are hand-made 8-dimensional ones so the suite runs
 * without the embedding model; tokens come from the real segmenter.
 */
public abstract class KnowledgeStoreContract {

    protected static final int DIM = 8;
    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter(FinanceDictionary.bundled());

    protected KnowledgeStore store;

    /** A fresh, empty store with vectors of {@link #DIM} dimensions. */
    protected abstract KnowledgeStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    protected static float[] axis(int i) {
        float[] v = new float[DIM];
        v[i] = 1f;
        return v;
    }

    protected static IndexedChunk chunk(String kb, String doc, int ordinal, String text, float[] vector) {
        return chunk(kb, doc, ordinal, text, vector, DocType.MARKDOWN, null, null, null);
    }

    protected static IndexedChunk chunk(String kb, String doc, int ordinal, String text, float[] vector, DocType type,
                                        FaqEntry faq, LocalDate from, LocalDate to) {
        Chunk c = new Chunk(Chunk.idOf(kb, doc, ordinal), kb, doc, "标题" + doc, type, List.of("第一章", "第二节"), text,
                ordinal, faq, from, to);
        return new IndexedChunk(c, vector, SEGMENTER.tokens(text));
    }

    protected void put(String kb, String doc, String hash, IndexedChunk... chunks) {
        store.replaceDocument(new DocumentInfo(kb, doc, "标题" + doc, chunks[0].chunk().docType(), hash, chunks.length),
                List.of(chunks));
    }

    private static List<String> ids(List<ScoredChunk> found) {
        return found.stream().map(s -> s.chunk().id()).toList();
    }

    private List<ScoredChunk> keyword(String query, String... kbs) {
        return store.keywordSearch(SEGMENTER.tokens(query), SearchFilter.of(kbs), 10);
    }

    /** Embeds a question with the bge instruction on axis 0 and the same question without it on axis 1. */
    private static final class TwoViewModel implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(
                    axis(s.text().startsWith(Embedder.BGE_QUERY_PREFIX) ? 0 : 1))).toList());
        }

        @Override
        public int dimension() {
            return DIM;
        }
    }

    @Test
    void defaultRetrievalRanksTheVectorLegByThePlainQueryView() {
        // no word in common with the question: only the vector leg finds them, one per query view
        put("kb1", "instructed.md", "h1", chunk("kb1", "instructed.md", 0, "甲乙丙丁", axis(0)));
        put("kb1", "plain.md", "h2", chunk("kb1", "plain.md", 0, "戊己庚辛", axis(1)));
        Embedder embedder = new Embedder(new TwoViewModel(), Embedder.BGE_QUERY_PREFIX, 8);
        RetrievalOptions noFaq = RetrievalOptions.defaults().withFaq(false, 0.9);

        var byDefault = new HybridRetriever(store, embedder, SEGMENTER, noFaq);
        var legs = byDefault.legs("开户要带什么", SearchFilter.of("kb1"));
        assertThat(legs.vector().getFirst().chunk().docId()).isEqualTo("instructed.md");
        assertThat(legs.plainVector().getFirst().chunk().docId()).isEqualTo("plain.md");
        Passage first = byDefault.search("开户要带什么", SearchFilter.of("kb1")).passages().getFirst();
        assertThat(first.chunk().docId()).isEqualTo("plain.md");
        // the passage keeps its instructed cosine: what the not-found threshold is calibrated on
        assertThat(first.vectorScore()).isLessThan(0.5);

        var instructedOnly = new HybridRetriever(store, embedder, SEGMENTER,
                noFaq.withFusion(Fusion.Confident.INSTRUCTED_ONLY));
        assertThat(instructedOnly.legs("开户要带什么", SearchFilter.of("kb1")).plainVector()).isEmpty();
        assertThat(instructedOnly.search("开户要带什么", SearchFilter.of("kb1")).passages().getFirst().chunk().docId())
                .isEqualTo("instructed.md");
    }

    @Test
    void keywordScoresAreBm25OnLucenesScale() {
        // Fusion.Confident weighs the keyword leg by its best score in these units: every store must score alike
        String a = "科创板股票的交易规则";
        String b = "创业板股票的涨跌幅限制与交易时间";
        put("kb1", "a.md", "h1", chunk("kb1", "a.md", 0, a, axis(0)));
        put("kb1", "b.md", "h2", chunk("kb1", "b.md", 0, b, axis(1)));
        List<String> tokensA = SEGMENTER.tokens(a);
        List<String> tokensB = SEGMENTER.tokens(b);
        double average = (tokensA.size() + tokensB.size()) / 2.0;
        double expected = 0;
        for (String t : new java.util.LinkedHashSet<>(SEGMENTER.tokens("科创板"))) {
            long inQuery = SEGMENTER.tokens("科创板").stream().filter(t::equals).count();
            long tf = tokensA.stream().filter(t::equals).count();
            long df = (tf > 0 ? 1 : 0) + (tokensB.contains(t) ? 1 : 0);
            if (tf == 0) continue;
            double idf = Math.log(1 + (2 - df + 0.5) / (df + 0.5));
            expected += inQuery * idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * tokensA.size() / average));
        }
        assertThat(expected).isPositive();

        List<ScoredChunk> found = keyword("科创板", "kb1");
        assertThat(found.getFirst().chunk().docId()).isEqualTo("a.md");
        // Lucene stores a chunk's length in one byte (exact for short chunks); 1% covers its rounding
        assertThat(found.getFirst().score()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void keywordSearchFindsTermInsideLongerWord() {
        put("kb1", "margin.md", "h1", chunk("kb1", "margin.md", 0, "开通融资融券业务需要满足资产要求。", axis(0)));
        put("kb1", "fees.md", "h2", chunk("kb1", "fees.md", 0, "股票交易佣金按成交金额收取。", axis(1)));

        assertThat(ids(keyword("融券怎么开通", "kb1"))).containsExactly("kb1/margin.md#0");
    }

    @Test
    void dictionaryTermRanksWholeTermAboveItsParts() {
        put("kb1", "a.md", "h", chunk("kb1", "a.md", 0, "银行卡的证件信息变更后，转账限额会调整。", axis(0)));
        put("kb1", "b.md", "h", chunk("kb1", "b.md", 0, "银证转账只能在交易日办理。", axis(1)));

        assertThat(ids(keyword("银证转账", "kb1")).getFirst()).isEqualTo("kb1/b.md#0");
    }

    @Test
    void searchesNeverLeaveTheNamedKnowledgeBases() {
        put("kb1", "d.md", "h", chunk("kb1", "d.md", 0, "科创板权限开通条件。", axis(0)));
        put("kb2", "d.md", "h", chunk("kb2", "d.md", 0, "科创板权限开通条件。", axis(0)));

        assertThat(ids(keyword("科创板", "kb2"))).containsExactly("kb2/d.md#0");
        assertThat(ids(store.vectorSearch(axis(0), SearchFilter.of("kb1"), 10))).containsExactly("kb1/d.md#0");
        assertThat(ids(keyword("科创板", "kb1", "kb2"))).hasSize(2);
    }

    @Test
    void vectorSearchOrdersByCosineSimilarity() {
        float[] near = {0.9f, 0.1f, 0, 0, 0, 0, 0, 0};
        put("kb1", "d.md", "h",
                chunk("kb1", "d.md", 0, "甲", axis(1)),
                chunk("kb1", "d.md", 1, "乙", near),
                chunk("kb1", "d.md", 2, "丙", axis(0)));

        List<ScoredChunk> found = store.vectorSearch(axis(0), SearchFilter.of("kb1"), 2);

        assertThat(ids(found)).containsExactly("kb1/d.md#2", "kb1/d.md#1");
        assertThat(found.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(found.get(1).score()).isCloseTo(0.9 / Math.sqrt(0.82), org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void chunksOfADocumentComeBackInOrderAndOnlyTheirOwn() {
        put("kb1", "d1", "h", chunk("kb1", "d1", 1, "第二段：融资融券的维持担保比例。", axis(1)),
                chunk("kb1", "d1", 0, "第一段：开户条件。", axis(0)));
        put("kb1", "d2", "h", chunk("kb1", "d2", 0, "别的文档。", axis(2)));
        put("kb2", "d1", "h", chunk("kb2", "d1", 0, "别的知识库。", axis(3)));
        assertThat(store.chunks("kb1", "d1")).extracting(Chunk::text)
                .containsExactly("第一段：开户条件。", "第二段：融资融券的维持担保比例。");
        assertThat(store.chunks("kb1", "d1").getFirst().headingPath()).containsExactly("第一章", "第二节");
        assertThat(store.chunks("kb1", "nope")).isEmpty();
        store.deleteDocument("kb1", "d1");
        assertThat(store.chunks("kb1", "d1")).isEmpty();
    }

    @Test
    void chunkRoundTripsAllFields() {
        // the store keeps an FAQ entry's dates on its chunk and its source beside it
        FaqEntry faq = new FaqEntry("如何重置交易密码？", "在App登录页点击忘记密码。", List.of("忘记密码怎么办"),
                "演示券商业务规则", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
        IndexedChunk in = chunk("kb1", "faq.csv", 0, "问：如何重置交易密码？\n答：在App登录页点击忘记密码。", axis(2),
                DocType.FAQ, faq, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
        put("kb1", "faq.csv", "h", in);

        Chunk out = store.vectorSearch(axis(2), SearchFilter.of("kb1"), 1).getFirst().chunk();

        assertThat(out).isEqualTo(in.chunk());
    }

    @Test
    void replaceSwapsAllChunksOfADocument() {
        put("kb1", "d.md", "v1", chunk("kb1", "d.md", 0, "旧的佣金标准", axis(0)),
                chunk("kb1", "d.md", 1, "旧的过户费标准", axis(1)));
        put("kb1", "d.md", "v2", chunk("kb1", "d.md", 0, "新的印花税说明", axis(2)));

        assertThat(keyword("佣金", "kb1")).isEmpty();
        assertThat(ids(keyword("印花税", "kb1"))).containsExactly("kb1/d.md#0");
        assertThat(store.chunkCount("kb1")).isEqualTo(1);
        assertThat(store.document("kb1", "d.md")).get()
                .extracting(DocumentInfo::contentHash, DocumentInfo::chunkCount).containsExactly("v2", 1);
    }

    @Test
    void failedReplaceLeavesTheOldDocumentWhole() {
        put("kb1", "d.md", "v1", chunk("kb1", "d.md", 0, "旧的佣金标准", axis(0)));

        assertThatThrownBy(() -> put("kb1", "d.md", "v2", chunk("kb1", "d.md", 0, "新的印花税说明", axis(1)),
                chunk("kb1", "d.md", 1, "维度不对的向量", new float[] {1f, 0f, 0f})))
                .isInstanceOf(RuntimeException.class);

        assertThat(ids(keyword("佣金", "kb1"))).containsExactly("kb1/d.md#0");
        assertThat(keyword("印花税", "kb1")).isEmpty();
        assertThat(store.document("kb1", "d.md")).get().extracting(DocumentInfo::contentHash).isEqualTo("v1");
    }

    @Test
    void deletedDocumentDisappearsAtOnce() {
        put("kb1", "a.md", "h", chunk("kb1", "a.md", 0, "国债逆回购的交易规则", axis(0)));
        put("kb1", "b.md", "h", chunk("kb1", "b.md", 0, "国债逆回购的收益计算", axis(1)));

        assertThat(store.deleteDocument("kb1", "a.md")).isTrue();
        assertThat(store.deleteDocument("kb1", "a.md")).isFalse();

        assertThat(ids(keyword("国债逆回购", "kb1"))).containsExactly("kb1/b.md#0");
        assertThat(ids(store.vectorSearch(axis(0), SearchFilter.of("kb1"), 10))).containsExactly("kb1/b.md#0");
        assertThat(store.document("kb1", "a.md")).isEmpty();
    }

    @Test
    void deletingAKnowledgeBaseKeepsTheOthers() {
        put("kb1", "a.md", "h", chunk("kb1", "a.md", 0, "创业板", axis(0)), chunk("kb1", "a.md", 1, "主板", axis(1)));
        put("kb2", "a.md", "h", chunk("kb2", "a.md", 0, "创业板", axis(0)));

        assertThat(store.deleteKnowledgeBase("kb1")).isEqualTo(2);

        assertThat(store.chunkCount("kb1")).isZero();
        assertThat(store.documents("kb1")).isEmpty();
        assertThat(ids(keyword("创业板", "kb2"))).containsExactly("kb2/a.md#0");
    }

    @Test
    void listsDocumentsWithHashAndChunkCount() {
        put("kb1", "b.md", "hb", chunk("kb1", "b.md", 0, "乙", axis(0)), chunk("kb1", "b.md", 1, "丙", axis(1)));
        put("kb1", "a.md", "ha", chunk("kb1", "a.md", 0, "甲", axis(2)));

        assertThat(store.documents("kb1")).extracting(DocumentInfo::docId, DocumentInfo::contentHash,
                DocumentInfo::chunkCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.md", "ha", 1),
                org.assertj.core.groups.Tuple.tuple("b.md", "hb", 2));
    }

    @Test
    void filtersByDocumentTypeFaqAndEffectiveDate() {
        put("kb1", "old.md", "h", chunk("kb1", "old.md", 0, "佣金标准（旧）", axis(0), DocType.MARKDOWN, null,
                LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31)));
        put("kb1", "new.md", "h", chunk("kb1", "new.md", 0, "佣金标准（新）", axis(0), DocType.MARKDOWN, null,
                LocalDate.of(2024, 1, 1), null));
        put("kb1", "faq.csv", "h", chunk("kb1", "faq.csv", 0, "问：佣金是多少？\n答：万分之二点五。", axis(0), DocType.FAQ,
                new FaqEntry("佣金是多少？", "万分之二点五。", List.of()), null, null));
        List<String> tokens = SEGMENTER.tokens("佣金");

        var on2022 = new SearchFilter(Set.of("kb1"), Set.of(), LocalDate.of(2022, 6, 1), false);
        var faqOnly = SearchFilter.of("kb1").faqOnly(true);
        var pdfOnly = new SearchFilter(Set.of("kb1"), Set.of(DocType.PDF), null, null);

        assertThat(ids(store.keywordSearch(tokens, on2022, 10))).containsExactly("kb1/old.md#0");
        assertThat(ids(store.vectorSearch(axis(0), on2022, 10))).containsExactly("kb1/old.md#0");
        assertThat(ids(store.vectorSearch(axis(0), faqOnly, 10))).containsExactly("kb1/faq.csv#0");
        assertThat(store.keywordSearch(tokens, pdfOnly, 10)).isEmpty();
    }

    @Test
    void keywordScoresGrowWithRelevance() {
        put("kb1", "once.md", "h", chunk("kb1", "once.md", 0, "可转债可以T+0交易，另外还有很多其他说明文字和细节内容。", axis(0)));
        put("kb1", "twice.md", "h", chunk("kb1", "twice.md", 0, "可转债申购：可转债中签后缴款。", axis(1)));

        List<ScoredChunk> found = keyword("可转债", "kb1");

        assertThat(ids(found)).containsExactly("kb1/twice.md#0", "kb1/once.md#0");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }
}
