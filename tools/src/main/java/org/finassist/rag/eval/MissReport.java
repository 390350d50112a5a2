package org.finassist.rag.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.HybridRetriever;
import org.finassist.rag.retrieve.Passage;

/**
 * The questions a fusion does not answer with their gold passage first, each with the gold passage and the one ranked
 * first instead: what a reader needs to judge whether a miss returned an equivalent answer, a near-miss or nothing.
 */
final class MissReport {

    private MissReport() {
    }

    /** Writes the misses as Markdown; returns how many there were. */
    static int write(Path file, List<RetrievalEvaluator.Retrieved> rows, Map<String, String> passages, Fusion fusion)
            throws IOException {
        StringBuilder md = new StringBuilder("# Retrieval misses\n\n");
        int n = 0;
        for (RetrievalEvaluator.Retrieved r : rows) {
            List<Passage> fused = HybridRetriever.fuse(r.legs(), fusion);
            String gold = r.query().relevantId();
            String top = fused.isEmpty() ? null : docId(fused.getFirst());
            if (gold.equals(top)) continue;
            n++;
            md.append("## case ").append(n).append(" (row ").append(r.query().row()).append(", gold rank ")
                    .append(rankOf(fused, gold)).append(")\n\nQUESTION: ").append(r.query().question())
                    .append("\n\nGOLD PASSAGE:\n").append(passages.get(gold))
                    .append("\n\nFIRST PASSAGE:\n").append(top == null ? "(none)" : passages.get(top)).append("\n\n");
        }
        Files.writeString(file, md);
        return n;
    }

    private static String docId(Passage p) {
        return p.chunk().docId().replaceFirst("\\.txt$", "");
    }

    private static String rankOf(List<Passage> fused, String gold) {
        List<String> ids = fused.stream().map(MissReport::docId).distinct().toList();
        int i = ids.indexOf(gold);
        return i < 0 ? "not in the fused candidates" : String.valueOf(i + 1);
    }
}
