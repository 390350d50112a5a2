package org.finassist.core.classify;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.finassist.core.router.Scenario;
import org.finassist.core.router.ScenarioDefinition;
import org.finassist.core.router.ScenarioDefinitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules first; otherwise the nearest labelled example by cosine similarity. Both read the text with the scenario
 * words' misspellings corrected ({@link Spelling}). The confidence of an example match is
 * its similarity scaled by its margin over the best example of another scenario; below {@code minConfidence}, or
 * with no embedding model, the answer is {@code qa}.
 */
public final class HybridScenarioClassifier implements ScenarioClassifier {

    private record Example(Scenario scenario, String text, float[] vector) {
    }

    private final EmbeddingModel embeddings;
    private final List<Example> examples;
    private final double minConfidence;

    /** @param embeddings may be null: rules only */
    public HybridScenarioClassifier(EmbeddingModel embeddings, double minConfidence) {
        this.embeddings = embeddings;
        this.minConfidence = minConfidence;
        this.examples = embeddings == null ? List.of() : embedExamples(embeddings, loadExamples());
    }

    @Override
    public Classification classify(String text) {
        // rules and examples read the customer's words as they are meant: 开护 → 开户, kaihu → 开户, cyb → 创业板
        String t = Spelling.normalise(text == null ? "" : text.strip());
        Optional<Classification> byRule = KeywordRules.apply(t);
        if (byRule.isPresent()) {
            return byRule.get();
        }
        if (examples.isEmpty() || t.isEmpty()) {
            return new Classification(Scenario.QA, 0.5, "default", null);
        }
        float[] q = embeddings.embed(t).content().vector();
        Example best = null;
        double bestScore = -1;
        double bestOther = -1;
        for (Example e : examples) {
            double s = cosine(q, e.vector());
            if (s > bestScore) {
                if (best != null && best.scenario() != e.scenario()) {
                    bestOther = Math.max(bestOther, bestScore);
                }
                best = e;
                bestScore = s;
            } else if (best != null && e.scenario() != best.scenario()) {
                bestOther = Math.max(bestOther, s);
            }
        }
        double confidence = Math.max(0, Math.min(1, bestScore * (0.5 + 5 * Math.max(0, bestScore - bestOther))));
        if (best == null || confidence < minConfidence) {
            return new Classification(Scenario.QA, 1 - confidence, "default", null);
        }
        return new Classification(best.scenario(), confidence, "example", null);
    }

    /** Every scenario definition's examples as (scenario id, utterance) rows. */
    static List<String[]> loadExamples() {
        List<String[]> rows = new ArrayList<>();
        for (ScenarioDefinition d : ScenarioDefinitions.all()) {
            d.examples().forEach(e -> rows.add(new String[]{d.scenario().id(), e}));
        }
        return rows;
    }

    private static List<Example> embedExamples(EmbeddingModel model, List<String[]> rows) {
        List<TextSegment> segments = rows.stream().map(r -> TextSegment.from(r[1])).toList();
        List<Embedding> vectors = model.embedAll(segments).content();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Scenario s = Scenario.fromId(rows.get(i)[0]).orElseThrow(() -> new IllegalStateException("bad scenario"));
            out.add(new Example(s, rows.get(i)[1], vectors.get(i).vector()));
        }
        return List.copyOf(out);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-12);
    }
}
