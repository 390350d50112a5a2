package org.finassist.rag.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.finassist.rag.DocType;
import org.finassist.rag.chunk.Section;

/**
 * PDF text through pdfbox, one section per page (the page number is the heading, for citations). Bounded, so a
 * small compressed file cannot exhaust the heap or a worker: decoded streams are buffered in temporary files, not
 * memory, and extraction stops with a failure past {@link #MAX_PAGES} pages, {@link #MAX_CHARS} characters or
 * {@link #MAX_MILLIS} of work.
 */
final class PdfParser {

    static final int MAX_PAGES = 2_000;
    static final int MAX_CHARS = 2_000_000;
    static final long MAX_MILLIS = 60_000;

    private PdfParser() {
    }

    static ParsedDocument.Prose parse(String fileName, byte[] bytes) throws IngestException {
        return parse(fileName, bytes, MAX_PAGES, MAX_CHARS, MAX_MILLIS);
    }

    static ParsedDocument.Prose parse(String fileName, byte[] bytes, int maxPages, int maxChars, long maxMillis)
            throws IngestException {
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.getNumberOfPages() > maxPages) {
                throw new IngestException("PDF has " + pdf.getNumberOfPages() + " pages; at most " + maxPages
                        + " are indexed");
            }
            CappedStripper stripper = new CappedStripper(maxChars, System.nanoTime() + maxMillis * 1_000_000);
            List<Section> sections = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf).strip();
                if (!text.isEmpty()) sections.add(new Section(List.of("第" + page + "页"), text));
            }
            if (sections.isEmpty()) throw new IngestException("PDF has no extractable text (scanned images need OCR)");
            String title = pdf.getDocumentInformation().getTitle();
            return new ParsedDocument.Prose(title == null || title.isBlank() ? MarkdownParser.stripExtension(fileName)
                    : title.strip(), DocType.PDF, sections, null, null);
        } catch (LimitReached | GlyphLimit e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** Thrown where pdfbox allows no checked exception (glyph callbacks) when a cap is reached. */
    private static final class GlyphLimit extends RuntimeException {
        GlyphLimit(String message) {
            super(message);
        }
    }

    /** Thrown from inside pdfbox's text extraction when a cap is reached. */
    private static final class LimitReached extends IOException {
        LimitReached(String message) {
            super(message);
        }
    }

    /** Counts the characters pdfbox writes and checks the deadline as it goes, not only between pages. */
    private static final class CappedStripper extends PDFTextStripper {
        private final int maxChars;
        private final long deadlineNanos;
        private long chars;
        private long glyphs;

        CappedStripper(int maxChars, long deadlineNanos) {
            this.maxChars = maxChars;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Counts glyphs as the content stream is run, before the page's text is assembled: pdfbox collects a whole
         * page's positions before {@link #writeString} sees any, so one page whose compressed stream expands to
         * tens of millions of characters would otherwise be held in memory to the end.
         */
        @Override
        protected void processTextPosition(TextPosition text) {
            glyphs++;
            if (glyphs > maxChars) {
                throw new GlyphLimit("PDF text longer than " + maxChars + " characters; not indexed");
            }
            if ((glyphs & 1023) == 0 && System.nanoTime() > deadlineNanos) {
                throw new GlyphLimit("PDF text extraction took too long; not indexed");
            }
            super.processTextPosition(text);
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            chars += text.length();
            if (chars > maxChars) {
                throw new LimitReached("PDF text longer than " + maxChars + " characters; not indexed");
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new LimitReached("PDF text extraction took too long; not indexed");
            }
            super.writeString(text, textPositions);
        }
    }
}
