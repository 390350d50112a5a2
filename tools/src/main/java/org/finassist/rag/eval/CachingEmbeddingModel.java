package org.finassist.rag.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * Remembers embeddings in a local file so that repeated evaluation runs (parameter sweeps) do not re-embed the same
 * texts. Evaluation only: throughput figures come from a run without a warm cache.
 */
final class CachingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final Path file;
    private final Map<String, float[]> cache = new HashMap<>();

    CachingEmbeddingModel(EmbeddingModel delegate, Path file) throws IOException {
        this.delegate = delegate;
        this.file = file;
        if (Files.exists(file)) load();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<TextSegment> missing = segments.stream().filter(s -> !cache.containsKey(s.text())).toList();
        if (!missing.isEmpty()) {
            List<Embedding> fresh = delegate.embedAll(missing).content();
            for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i).text(), fresh.get(i).vector());
        }
        List<Embedding> out = new ArrayList<>(segments.size());
        segments.forEach(s -> out.add(Embedding.from(cache.get(s.text()))));
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    void save() throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(cache.size());
            for (var e : cache.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) out.writeFloat(f);
            }
        }
    }

    private void load() throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                cache.put(text, v);
            }
        }
    }
}
