package org.finassist.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.finassist.rag.HashingEmbeddingModel;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.retrieve.RetrievalResult;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestorTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel();
    private final KnowledgeIndex index = KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory())
            .embedder(new Embedder(model, "", 16)).maxFileBytes(1024 * 1024).build();

    @AfterEach
    void close() {
        index.close();
    }

    private static SourceFile utf8(String name, String text) {
        return SourceFile.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> keywordHits(String query) {
        return index.hybridRetriever().legs(query, SearchFilter.of("kb")).keyword().stream()
                .map(s -> s.chunk().docId()).distinct().toList();
    }

    @Test
    void badFilesFailOneByOneAndTheRestOfTheBatchIsIngested() throws Exception {
        SourceFile huge = new SourceFile("big.md", 200L * 1024 * 1024, () -> {
            throw new AssertionError("an oversized file must not be read");
        });
        List<IngestResult> results = index.ingest("kb", List.of(
                SourceFile.of("broken.pdf", "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.US_ASCII)),
                utf8("empty.md", ""),
                huge,
                utf8("image.png", "x"),
                SourceFile.of("gbk.txt", "银证转账的办理时间为交易日9:00至16:00。".getBytes(Charset.forName("GBK"))),
                utf8("ok.md", "# 交易时间\n上午9:30至11:30，下午13:00至15:00。")));

        assertThat(results).extracting(IngestResult::getClass).containsExactly(
                IngestResult.Failed.class, IngestResult.Failed.class, IngestResult.Failed.class,
                IngestResult.Failed.class, IngestResult.Indexed.class, IngestResult.Indexed.class);
        assertThat(((IngestResult.Failed) results.get(0)).reason()).contains("PDF");
        assertThat(((IngestResult.Failed) results.get(1)).reason()).contains("empty");
        assertThat(((IngestResult.Failed) results.get(2)).reason()).contains("too large");
        assertThat(index.documents("kb")).extracting(d -> d.docId()).containsExactly("gbk.txt", "ok.md");
        assertThat(keywordHits("银证转账")).containsExactly("gbk.txt");
    }

    @Test
    void faqFileWithBrokenRowsKeepsTheGoodRowsAndReportsTheOthers() {
        String csv = """
                question,answer,alternatives
                如何重置交易密码？,在App登录页点击“忘记密码”，验证身份后重置。,忘记密码怎么办|密码找回
                ,没有问题的答案
                科创板开通条件是什么？,前20个交易日日均资产不低于50万元且交易经验满24个月。
                只有问题没有答案
                """;

        List<IngestResult> results = index.ingest("kb", List.of(utf8("faq.csv", csv)));

        var indexed = (IngestResult.Indexed) results.getFirst();
        assertThat(indexed.chunks()).isEqualTo(4); // 3 phrasings + 1
        assertThat(indexed.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).containsPattern("row [35]"));
    }

    @Test
    void faqJsonlIsRead() {
        String jsonl = """
                {"question":"T+1是什么意思？","answer":"当日买入的股票下一交易日才能卖出。","alternatives":["今天买的股票今天能卖吗"]}
                not json
                """;

        var indexed = (IngestResult.Indexed) index.ingest("kb", List.of(utf8("faq.jsonl", jsonl))).getFirst();

        assertThat(indexed.chunks()).isEqualTo(2);
        assertThat(indexed.warnings()).containsExactly("row 2: not a JSON object");
    }

    @Test
    void unchangedDocumentIsSkippedAndChangedOneReplaced() {
        index.ingest("kb", List.of(utf8("fees.md", "# 佣金\n佣金为成交金额的万分之二点五。")));
        int embeddedBefore = model.texts.get();

        var again = index.ingest("kb", List.of(utf8("fees.md", "# 佣金\n佣金为成交金额的万分之二点五。")));
        assertThat(again.getFirst()).isInstanceOf(IngestResult.Unchanged.class);
        assertThat(model.texts.get()).isEqualTo(embeddedBefore);

        index.ingest("kb", List.of(utf8("fees.md", "# 印花税\n印花税由卖方按成交金额的千分之零点五缴纳。")));
        assertThat(keywordHits("佣金")).isEmpty();
        assertThat(keywordHits("印花税")).containsExactly("fees.md");
    }

    @Test
    void embedsInBatchesAndReportsProgress() {
        String text = "## 规则\n" + "交易规则说明的句子，用于测试批量嵌入。".repeat(500);
        List<IngestProgress> progress = new ArrayList<>();

        var indexed = (IngestResult.Indexed) index.ingest("kb", List.of(utf8("long.md", text)), progress::add).getFirst();

        assertThat(indexed.chunks()).isGreaterThan(16);
        assertThat(model.calls.get()).isEqualTo((indexed.chunks() + 15) / 16);
        assertThat(progress.getLast().chunksDone()).isEqualTo(indexed.chunks());
    }

    @Test
    void readsHtmlHeadingsAndMarkdownFrontMatter() {
        String html = "<html><head><title>开户指南</title><script>var x=1;</script></head><body>"
                + "<h1>开户</h1><h2>所需材料</h2><p>本人二代身份证和银行卡。</p></body></html>";
        String md = "---\neffective_from: 2025-01-01\n---\n# 两融\n## 开通条件\n融资融券需资产50万元。";
        index.ingest("kb", List.of(utf8("guide.html", html), utf8("margin.md", md)));

        var legs = index.hybridRetriever().legs("身份证", SearchFilter.of("kb"));
        var chunk = legs.keyword().getFirst().chunk();
        assertThat(chunk.docTitle()).isEqualTo("开户指南");
        assertThat(chunk.headingPath()).containsExactly("开户", "所需材料");
        assertThat(chunk.text()).doesNotContain("var x");

        var margin = index.hybridRetriever().legs("融资融券", SearchFilter.of("kb")).keyword().getFirst().chunk();
        assertThat(margin.effectiveFrom()).hasToString("2025-01-01");
        assertThat(margin.headingPath()).containsExactly("两融", "开通条件");
    }

    @Test
    void readsPdfPagesAsSections() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("Margin trading requires a credit account.");
                cs.endText();
            }
            pdf.save(out);
        }

        var indexed = index.ingest("kb", List.of(SourceFile.of("rules.pdf", out.toByteArray()))).getFirst();

        assertThat(indexed).isInstanceOf(IngestResult.Indexed.class);
        var chunk = index.hybridRetriever().legs("credit account", SearchFilter.of("kb")).keyword().getFirst().chunk();
        assertThat(chunk.headingPath()).containsExactly("第1页");
    }

    @Test
    void deletedDocumentIsGoneFromSearch() {
        index.ingest("kb", List.of(utf8("a.md", "国债逆回购在交易日可以操作。")));
        index.deleteDocument("kb", "a.md");
        assertThat(keywordHits("国债逆回购")).isEmpty();
        assertThat(index.search("国债逆回购", SearchFilter.of("kb"))).isInstanceOf(RetrievalResult.NotFound.class);
    }


    @Test
    void reindexRebuildsVectorsAndTokensFromTheStoredTextsWithTheCurrentModel() {
        LuceneKnowledgeStore store = LuceneKnowledgeStore.inMemory();
        KnowledgeIndex before = KnowledgeIndex.builder().store(store).embedder(new Embedder(model, "", 16)).build();
        before.ingest("kb", List.of(utf8("a.md", "# 费用\n股票佣金为万分之二点五。\n## 过户费\n过户费按成交金额的万分之零点一收取。"),
                utf8("faq.csv", "question,answer,alternatives\n怎么销户？,携带身份证到营业部办理。,如何注销账户\n")));
        var hashes = before.documents("kb");
        // "another model": the same hashing of the reversed text
        dev.langchain4j.model.embedding.EmbeddingModel other = new dev.langchain4j.model.embedding.EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<dev.langchain4j.data.segment.TextSegment> segments) {
                return model.embedAll(segments.stream().map(t -> dev.langchain4j.data.segment.TextSegment.from(
                        new StringBuilder(t.text()).reverse().toString())).toList());
            }

            @Override
            public int dimension() {
                return HashingEmbeddingModel.DIM;
            }
        };
        KnowledgeIndex after = KnowledgeIndex.builder().store(store).embedder(new Embedder(other, "", 16)).build();
        float[] probe = other.embed("如何注销账户").content().vector();
        assertThat(store.vectorSearch(probe, SearchFilter.of("kb"), 1).getFirst().score()).isLessThan(0.99);

        List<IngestResult> results = after.reindex("kb", p -> { });

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(IngestResult.Indexed.class));
        assertThat(results).extracting(IngestResult::file).containsExactly("a.md", "faq.csv");
        var top = store.vectorSearch(probe, SearchFilter.of("kb"), 1).getFirst();
        assertThat(top.score()).isGreaterThan(0.999);
        assertThat(top.chunk().text()).startsWith("问：如何注销账户");
        assertThat(after.documents("kb")).isEqualTo(hashes);
        assertThat(store.chunks("kb", "a.md")).extracting(c -> c.headingPath().getLast()).containsExactly("费用", "过户费");
        after.close();
    }

    @Test
    void anIngestionBatchIsOnDiskWhenItReturns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (KnowledgeIndex onDisk = KnowledgeIndex.builder().store(LuceneKnowledgeStore.open(dir))
                .embedder(new Embedder(model, "", 16)).build()) {
            onDisk.ingest("kb", List.of(utf8("a.md", "# 费用\n股票佣金为万分之二点五。"), utf8("b.md", "# 时间\n上午九点半开盘。")));
            // a reader of the last commit, as a restarted process would open it (the writer is still open)
            try (var committed = org.apache.lucene.index.DirectoryReader.open(
                    org.apache.lucene.store.FSDirectory.open(dir))) {
                assertThat(committed.numDocs()).isEqualTo(2);
            }
        }
    }
}
