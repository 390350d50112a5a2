package org.finassist.rag.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.finassist.rag.DocType;
import org.finassist.rag.chunk.Section;

/**
 * Markdown (and plain text, which is Markdown without headings): ATX headings ({@code #}…{@code ######}) open
 * sections and build the heading path. Optional front matter between {@code ---} lines may carry
 * {@code title}, {@code effective_from} and {@code effective_to} (alias {@code effective_until}; ISO dates).
 */
final class MarkdownParser {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FRONT_FIELD = Pattern.compile("^(\\w+)\\s*:\\s*(.*)$");

    private MarkdownParser() {
    }

    static ParsedDocument.Prose parse(String fileName, String text, DocType type) throws IngestException {
        List<String> lines = new ArrayList<>(text.replace("\r\n", "\n").lines().toList());
        FrontMatter front = frontMatter(lines);
        List<Section> sections = new ArrayList<>();
        List<String> path = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String firstH1 = null;
        for (String line : lines) {
            Matcher h = type == DocType.MARKDOWN ? HEADING.matcher(line) : null;
            if (h != null && h.matches()) {
                flush(path, body, sections);
                int level = h.group(1).length();
                while (path.size() >= level) path.removeLast();
                path.add(h.group(2).strip());
                if (level == 1 && firstH1 == null) firstH1 = h.group(2).strip();
            } else {
                body.append(line).append('\n');
            }
        }
        flush(path, body, sections);
        if (sections.isEmpty()) throw new IngestException("document has no text");
        String title = front.title != null ? front.title : firstH1 != null ? firstH1 : stripExtension(fileName);
        return new ParsedDocument.Prose(title, type, sections, front.from, front.to);
    }

    private static void flush(List<String> path, StringBuilder body, List<Section> sections) {
        String text = body.toString().strip();
        if (!text.isEmpty()) sections.add(new Section(path, text));
        body.setLength(0);
    }

    private record FrontMatter(String title, LocalDate from, LocalDate to) {
    }

    private static FrontMatter frontMatter(List<String> lines) throws IngestException {
        if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) return new FrontMatter(null, null, null);
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        if (end <= 0) return new FrontMatter(null, null, null);
        String title = null;
        LocalDate from = null;
        LocalDate to = null;
        for (String line : lines.subList(1, end)) {
            Matcher m = FRONT_FIELD.matcher(line.strip());
            if (!m.matches()) continue;
            switch (m.group(1)) {
                case "title" -> title = m.group(2).strip();
                case "effective_from" -> from = date(m.group(2));
                case "effective_to", "effective_until" -> to = date(m.group(2));
                default -> { }
            }
        }
        lines.subList(0, end + 1).clear();
        return new FrontMatter(title, from, to);
    }

    private static LocalDate date(String value) throws IngestException {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IngestException("front matter date is not ISO (yyyy-MM-dd): " + value.strip());
        }
    }

    static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
