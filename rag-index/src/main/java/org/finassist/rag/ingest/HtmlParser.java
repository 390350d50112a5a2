package org.finassist.rag.ingest;

import java.util.ArrayList;
import java.util.List;

import org.finassist.rag.DocType;
import org.finassist.rag.chunk.Section;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML through jsoup: h1–h6 open sections; block elements become paragraphs; scripts and styles are dropped. */
final class HtmlParser {

    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,td,th,pre,blockquote,dt,dd";

    private HtmlParser() {
    }

    static ParsedDocument.Prose parse(String fileName, String html) throws IngestException {
        Document doc = Jsoup.parse(html);
        doc.select("script,style,nav,noscript").remove();
        List<Section> sections = new ArrayList<>();
        List<String> path = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Element e : doc.body().select(BLOCKS)) {
            if (!e.select(BLOCKS).stream().skip(1).toList().isEmpty() && !e.tagName().startsWith("h")) continue;
            String text = e.text().strip();
            if (text.isEmpty()) continue;
            if (e.tagName().matches("h[1-6]")) {
                flush(path, body, sections);
                int level = e.tagName().charAt(1) - '0';
                while (path.size() >= level) path.removeLast();
                path.add(text);
            } else {
                body.append(text).append('\n');
            }
        }
        flush(path, body, sections);
        if (sections.isEmpty()) throw new IngestException("document has no text");
        String title = doc.title().isBlank() ? MarkdownParser.stripExtension(fileName) : doc.title().strip();
        return new ParsedDocument.Prose(title, DocType.HTML, sections, null, null);
    }

    private static void flush(List<String> path, StringBuilder body, List<Section> sections) {
        String text = body.toString().strip();
        if (!text.isEmpty()) sections.add(new Section(path, text));
        body.setLength(0);
    }
}
