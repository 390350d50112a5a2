package org.finassist.rag.chunk;

import java.util.List;

/**
 * A run of text under one heading path, as produced by a document parser.
 *
 * @param headingPath headings from the document root down to this section
 * @param text        the section's text; paragraphs separated by blank lines or line breaks
 */
public record Section(List<String> headingPath, String text) {

    public Section {
        headingPath = List.copyOf(headingPath);
    }
}
