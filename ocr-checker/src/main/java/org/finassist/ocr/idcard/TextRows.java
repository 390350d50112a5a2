package org.finassist.ocr.idcard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.finassist.ocr.engine.TextLine;

/** Groups OCR boxes that share a baseline into rows, because detectors often split a label from its value. */
final class TextRows {

    private static final double MIN_CONFIDENCE = 0.3;

    private TextRows() {
    }

    /** Rows top to bottom, each the concatenation of its boxes left to right with all whitespace removed. */
    static List<String> of(List<TextLine> lines) {
        List<TextLine> sorted = new ArrayList<>(plausible(lines));
        sorted.sort(Comparator.comparingDouble(TextLine::centerY));
        List<List<TextLine>> rows = new ArrayList<>();
        for (TextLine line : sorted) {
            List<TextLine> last = rows.isEmpty() ? null : rows.getLast();
            if (last != null && sameRow(last.getFirst(), line)) {
                last.add(line);
            } else {
                rows.add(new ArrayList<>(List.of(line)));
            }
        }
        return rows.stream().map(TextRows::join).toList();
    }

    /**
     * Drops near-zero-confidence guesses and boxes far taller than a text line (the portrait or the emblem read as
     * characters by an engine without a separate detector).
     */
    private static List<TextLine> plausible(List<TextLine> lines) {
        double[] heights = lines.stream().mapToDouble(TextLine::height).sorted().toArray();
        double median = heights.length == 0 ? 0 : heights[heights.length / 2];
        return lines.stream()
                .filter(l -> l.confidence() >= MIN_CONFIDENCE && l.height() <= 2.5 * median)
                .toList();
    }

    private static boolean sameRow(TextLine a, TextLine b) {
        double tolerance = Math.min(a.height(), b.height()) * 0.5;
        return Math.abs(a.centerY() - b.centerY()) <= tolerance;
    }

    private static String join(List<TextLine> row) {
        StringBuilder sb = new StringBuilder();
        row.stream().sorted(Comparator.comparingInt(TextLine::x)).forEach(l -> sb.append(l.text()));
        return sb.toString().replaceAll("\\s", "");
    }
}
