package org.finassist.core.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream of deltas into sentences as they complete: a sentence ends at 。！？!?；; or a line break, keeping its
 * terminator and any closing quote or bracket right after it. Not thread-safe (one per stream).
 */
final class SentenceSplitter {

    private final StringBuilder pending = new StringBuilder();

    /** The sentences {@code delta} completed, in order. */
    List<String> offer(String delta) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < delta.length(); i++) {
            char c = delta.charAt(i);
            if (isCloser(c) && pending.isEmpty() && !out.isEmpty()) {
                out.set(out.size() - 1, out.getLast() + c);
                continue;
            }
            pending.append(c);
            if (isTerminator(c)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        return out;
    }

    /** What is left once the stream ended (a last sentence without a terminator), or "". */
    String rest() {
        String s = pending.toString();
        pending.setLength(0);
        return s;
    }

    private static boolean isTerminator(char c) {
        return switch (c) {
            case '。', '！', '？', '!', '?', '；', ';', '\n' -> true;
            default -> false;
        };
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '"' || c == '）' || c == ')' || c == '』' || c == '」' || c == '】';
    }
}
