package org.finassist.rag.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small compressed PDF that expands into a flood of text, or has too many pages, fails alone and early. */
class PdfParserTest {

    private static byte[] pdf(int pages, int linesPerPage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
                    cs.newLineAtOffset(10, 700);
                    for (int i = 0; i < linesPerPage; i++) {
                        cs.showText("Margin trading requires a credit account and a risk assessment of the client.");
                        cs.newLineAtOffset(0, -1); // a line of its own: pdfbox drops text overlapping itself
                    }
                    cs.endText();
                }
            }
            pdf.save(out);
        }
        return out.toByteArray();
    }

    @Test
    void aCompressedTextFloodStopsAtTheCharacterCap() throws IOException {
        byte[] bomb = pdf(40, 690); // ~2 M characters in content streams that deflate to a few KB a page
        assertThat(bomb.length).isLessThan(400_000);
        assertThatThrownBy(() -> PdfParser.parse("bomb.pdf", bomb, 100, 100_000, 60_000))
                .isInstanceOf(IngestException.class).hasMessageContaining("longer than 100000 characters");
    }

    /** One page holding the whole flood: the cap counts glyphs as the stream runs, not when the page is written. */
    @Test
    void aSinglePageFloodStopsAtTheCharacterCap() throws IOException {
        byte[] bomb = pdf(1, 20_000); // ~1.5 M characters on one page
        assertThatThrownBy(() -> PdfParser.parse("bomb.pdf", bomb, 100, 100_000, 60_000))
                .isInstanceOf(IngestException.class).hasMessageContaining("longer than 100000 characters");
    }

    @Test
    void tooManyPagesAreRefusedBeforeExtraction() throws IOException {
        assertThatThrownBy(() -> PdfParser.parse("long.pdf", pdf(3, 1), 2, 100_000, 60_000))
                .isInstanceOf(IngestException.class).hasMessageContaining("3 pages");
    }

    @Test
    void anOrdinaryPdfIsReadWithinTheCaps() throws Exception {
        var parsed = PdfParser.parse("rules.pdf", pdf(2, 3));
        assertThat(parsed.sections()).hasSize(2);
    }
}
