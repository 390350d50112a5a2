package org.finassist.rag.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.finassist.rag.DocType;
import org.finassist.rag.chunk.Section;

/** PDF text through pdfbox, one section per page (the page number is the heading, for citations). */
final class PdfParser {

    private PdfParser() {
    }

    static ParsedDocument.Prose parse(String fileName, byte[] bytes) throws IngestException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
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
        } catch (IOException e) {
            throw new IngestException("not a readable PDF: " + e.getMessage(), e);
        }
    }
}
