package org.finassist.rag.chunk;

import java.util.List;

/**
 * A chunk of text cut by {@link ChineseChunker}.
 *
 * @param headingPath headings of the section the chunk was cut from
 * @param text        the chunk's text
 */
public record TextChunk(List<String> headingPath, String text) {

    /** What gets embedded: the heading path (for context) then the text. */
    public String embeddingText() {
        return headingPath.isEmpty() ? text : ChineseChunker.headingContext(headingPath) + "\n" + text;
    }
}
