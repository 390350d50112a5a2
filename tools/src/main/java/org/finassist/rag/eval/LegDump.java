package org.finassist.rag.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        write(out, all, devRows, Map.of());
    }

    /** @param extra further legs by name (one list per question, in question order), studied beside the two */
    static void write(Path out, List<RetrievalEvaluator.Retrieved> all, int devRows,
                      Map<String, List<List<ScoredChunk>>> extra) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < all.size(); i++) {
                RetrievalEvaluator.Retrieved r = all.get(i);
                StringBuilder more = new StringBuilder();
                for (Map.Entry<String, List<List<ScoredChunk>>> e : extra.entrySet()) {
                    more.append(",").append(quote(e.getKey())).append(":").append(leg(e.getValue().get(i)));
                }
                w.write("{\"split\":\"" + (i < devRows ? "dev" : "test") + "\",\"q\":" + quote(r.query().question())
                        + ",\"gold\":" + quote(r.query().relevantId() + ".txt") + ",\"kw\":" + leg(r.legs().keyword())
                        + ",\"vec\":" + leg(r.legs().vector()) + more + "}\n");
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
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                default -> {
                    // a question may hold a line break: JSON strings take no control characters
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
