package org.finassist.rag.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.finassist.rag.ScoredChunk;

/**
 * Writes each question's keyword and vector legs as one JSON line ({@code split}, {@code gold}, {@code kw},
 * {@code vec}; each leg a list of {@code [chunkId, docId, score]}), so fusion rules can be compared offline on exactly
 * the retrievals the evaluation measured.
 */
final class LegDump {

    private LegDump() {
    }

    static void write(Path out, List<RetrievalEvaluator.Retrieved> all, int devRows) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < all.size(); i++) {
                RetrievalEvaluator.Retrieved r = all.get(i);
                w.write("{\"split\":\"" + (i < devRows ? "dev" : "test") + "\",\"gold\":" + quote(r.query().relevantId()
                        + ".txt") + ",\"kw\":" + leg(r.legs().keyword()) + ",\"vec\":" + leg(r.legs().vector()) + "}\n");
            }
        }
    }

    private static String leg(List<ScoredChunk> leg) {
        StringBuilder s = new StringBuilder("[");
        for (ScoredChunk c : leg) {
            if (s.length() > 1) s.append(',');
            s.append('[').append(quote(c.chunk().id())).append(',').append(quote(c.chunk().docId())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", c.score())).append(']');
        }
        return s.append(']').toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
