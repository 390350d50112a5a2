package org.finassist.rag.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts sections into chunks on paragraph and sentence ends (。！？；!?;), packing whole sentences up to a budget of
 * characters, with a little overlap (the previous chunk's last sentence, when short). The budget includes the heading
 * context that is embedded with the chunk: bge-small-zh truncates at 512 tokens and a CJK character is one token, so
 * the default 480 characters keep every embedded text below that (see ChunkTokenBudgetTest).
 */
public final class ChineseChunker {

    static final int MAX_HEADING_CONTEXT = 60;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|(?<=\\n)");
    private static final Pattern SOFT_BREAK = Pattern.compile("(?<=[，、,：:])");

    private final int maxChars;
    private final int overlapChars;

    public ChineseChunker() {
        this(480, 80);
    }

    public ChineseChunker(int maxChars, int overlapChars) {
        if (maxChars < 2 * MAX_HEADING_CONTEXT) throw new IllegalArgumentException("maxChars too small: " + maxChars);
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    public List<TextChunk> chunk(List<Section> sections) {
        List<TextChunk> chunks = new ArrayList<>();
        for (Section s : sections) {
            int budget = maxChars - (s.headingPath().isEmpty() ? 0 : headingContext(s.headingPath()).length() + 1);
            for (String text : pack(sentences(s.text(), budget), budget)) {
                chunks.add(new TextChunk(s.headingPath(), text));
            }
        }
        return chunks;
    }

    /** Heading path as embedded with a chunk, cut to a bounded length. */
    static String headingContext(List<String> headingPath) {
        String joined = String.join(" > ", headingPath);
        return joined.length() <= MAX_HEADING_CONTEXT ? joined : joined.substring(joined.length() - MAX_HEADING_CONTEXT);
    }

    private List<String> sentences(String text, int budget) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.replace("\r\n", "\n"))) {
            if (sentence.isBlank()) {
                if (!out.isEmpty()) out.set(out.size() - 1, out.getLast() + "\n");
                continue;
            }
            if (sentence.length() <= budget) out.add(sentence);
            else out.addAll(hardSplit(sentence, budget));
        }
        return out;
    }

    /** A sentence longer than the budget is cut at commas when possible, else at the budget. */
    private static List<String> hardSplit(String sentence, int budget) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : SOFT_BREAK.split(sentence)) {
            while (piece.length() > budget) {
                flush(current, parts);
                parts.add(piece.substring(0, budget));
                piece = piece.substring(budget);
            }
            if (current.length() + piece.length() > budget) flush(current, parts);
            current.append(piece);
        }
        flush(current, parts);
        return parts;
    }

    private static void flush(StringBuilder current, List<String> parts) {
        if (!current.isEmpty()) parts.add(current.toString());
        current.setLength(0);
    }

    private List<String> pack(List<String> sentences, int budget) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String last = null;
        for (String sentence : sentences) {
            if (!current.isEmpty() && current.length() + sentence.length() > budget) {
                chunks.add(current.toString().strip());
                current.setLength(0);
                if (last != null && last.length() <= overlapChars && last.length() + sentence.length() <= budget) {
                    current.append(last);
                }
            }
            current.append(sentence);
            last = sentence;
        }
        if (!current.toString().isBlank()) chunks.add(current.toString().strip());
        return chunks;
    }
}
