package org.finassist.rag.retrieve;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.finassist.rag.Chunk;
import org.finassist.rag.ScoredChunk;

/**
 * One vector leg from two embeddings of the same question: with the bge retrieval instruction (which favours
 * question-to-passage matches) and without it (which favours a question against a passage that is itself a question,
 * such as an FAQ entry, and colloquial wording). Each chunk is ranked by
 * {@code (1 − w)·cos(instructed) + w·cos(plain)}; a chunk that only one view returned gets the other view's lowest
 * returned cosine, an upper bound of its own. The chunk keeps its instructed cosine as its score (the lowest returned
 * when the instructed view missed it), so the not-found threshold and a passage's shown vector score keep their meaning.
 */
final class QueryViews {

    private QueryViews() {
    }

    static List<ScoredChunk> blend(List<ScoredChunk> instructed, List<ScoredChunk> plain, double plainWeight) {
        if (plain.isEmpty() || plainWeight <= 0) return instructed;
        double floorInstructed = lowest(instructed);
        double floorPlain = lowest(plain);
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        Map<String, Double> byInstructed = new LinkedHashMap<>();
        Map<String, Double> byPlain = new LinkedHashMap<>();
        for (ScoredChunk c : instructed) {
            chunks.putIfAbsent(c.chunk().id(), c.chunk());
            byInstructed.putIfAbsent(c.chunk().id(), c.score());
        }
        for (ScoredChunk c : plain) {
            chunks.putIfAbsent(c.chunk().id(), c.chunk());
            byPlain.putIfAbsent(c.chunk().id(), c.score());
        }
        record Blended(ScoredChunk chunk, double key) {
        }
        return chunks.entrySet().stream().map(e -> {
            double i = byInstructed.getOrDefault(e.getKey(), floorInstructed);
            double p = byPlain.getOrDefault(e.getKey(), floorPlain);
            return new Blended(new ScoredChunk(e.getValue(), i), (1 - plainWeight) * i + plainWeight * p);
        }).sorted(Comparator.comparingDouble(Blended::key).reversed()).map(Blended::chunk).toList();
    }

    private static double lowest(List<ScoredChunk> leg) {
        return leg.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
    }
}
