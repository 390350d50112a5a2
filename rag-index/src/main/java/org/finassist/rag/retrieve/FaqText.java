package org.finassist.rag.retrieve;

import org.finassist.rag.Chunk;

/** FAQ chunks carry the matched phrasing in their text as "问：…\n答：…". */
final class FaqText {

    private FaqText() {
    }

    static String matchedQuestion(Chunk c) {
        String t = c.text();
        int end = t.indexOf("\n答：");
        return t.startsWith("问：") && end > 0 ? t.substring(2, end) : c.faq().question();
    }
}
