package org.finassist.core.guardrail;

import java.util.ArrayList;
import java.util.List;

/** Splits Chinese/English text into sentences, keeping the terminator so violations quote what the reader saw. */
final class Sentences {

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            current.append(c);
            if (isTerminator(c, text, i)) {
                flush(current, out);
            }
        }
        flush(current, out);
        return out;
    }

    // A '.' ends a sentence only before whitespace or the end: 8.52 and 600000.SH are one token.
    private static boolean isTerminator(char c, String text, int i) {
        return switch (c) {
            case '。', '！', '？', '!', '?', '；', ';', '\n' -> true;
            case '.' -> i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
