package org.finassist.rag.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * Embeds passages in batches and queries with the model's query instruction. The model is any langchain4j
 * {@link EmbeddingModel}: the in-process bge-small-zh-v1.5 by default, a remote one by configuration.
 */
public final class Embedder {

    /** The instruction bge-*-zh-v1.5 expects in front of short retrieval queries. */
    public static final String BGE_QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章：";

    private final EmbeddingModel model;
    private final String queryPrefix;
    private final int batchSize;

    public Embedder(EmbeddingModel model, String queryPrefix, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
        this.batchSize = batchSize;
    }

    /** The in-process quantized bge-small-zh-v1.5 (512 dimensions) with its query prefix, batches of 64. */
    public static Embedder bgeSmallZh() {
        return new Embedder(new BgeSmallZhV15QuantizedEmbeddingModel(), BGE_QUERY_PREFIX, 64);
    }

    /** Texts embedded per model call. */
    public int batchSize() {
        return batchSize;
    }

    public int dimension() {
        return model.dimension();
    }

    public float[] query(String text) {
        return model.embed(queryPrefix + text).content().vector();
    }

    /** Embeds text without the query instruction: for question-to-question similarity (FAQ matching). */
    public float[] plain(String text) {
        return model.embed(text).content().vector();
    }

    public List<float[]> passages(List<String> texts) {
        return passages(texts, done -> { });
    }

    /** Embeds in batches; {@code progress} receives the number of texts embedded after each batch. */
    public List<float[]> passages(List<String> texts, IntConsumer progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
                    .map(TextSegment::from).toList();
            for (Embedding e : model.embedAll(batch).content()) out.add(e.vector());
            progress.accept(out.size());
        }
        return out;
    }
}
