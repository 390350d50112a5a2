package org.finassist.rag;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * A fast, deterministic stand-in for the embedding model: character bigrams hashed into 64 dimensions, normalised.
 * Texts sharing bigrams are similar, which is all ingestion tests need. Counts calls so tests can check batching.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {

    public static final int DIM = 64;
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger texts = new AtomicInteger();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        calls.incrementAndGet();
        texts.addAndGet(segments.size());
        return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
    }

    @Override
    public int dimension() {
        return DIM;
    }

    static float[] vector(String text) {
        float[] v = new float[DIM];
        for (int i = 0; i + 1 < text.length(); i++) v[Math.floorMod(text.substring(i, i + 2).hashCode(), DIM)] += 1;
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) v[0] = 1;
        else for (int i = 0; i < DIM; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }
}
