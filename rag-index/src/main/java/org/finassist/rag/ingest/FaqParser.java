package org.finassist.rag.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.finassist.rag.FaqEntry;

/**
 * FAQ files: CSV ({@code question,answer[,alternatives[,source,effective_from,effective_until]]}, optional header,
 * alternatives separated by {@code |} or {@code ；}, ISO dates) or JSONL ({@code {"question":…, "answer":…,
 * "alternatives":[…], "source":…, "effective_from":…, "effective_until":…}}). Broken rows (a missing question or
 * answer, a date that is not ISO) are reported by row number and skipped; the good rows are kept.
 */
final class FaqParser {

    private static final Set<String> HEADER_WORDS = Set.of("question", "问题", "q", "标准问题");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaqParser() {
    }

    static ParsedDocument.Faqs parse(String fileName, String text) throws IngestException {
        List<FaqEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".jsonl")) jsonl(text, entries, errors);
        else csv(text, entries, errors);
        if (entries.isEmpty()) {
            throw new IngestException("no valid FAQ rows" + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
        }
        return new ParsedDocument.Faqs(MarkdownParser.stripExtension(fileName), entries, errors);
    }

    private static void csv(String text, List<FaqEntry> entries, List<String> errors) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        int row = 0;
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNextValue()) {
                List<String> cols = it.nextValue();
                row++;
                if (row == 1 && !cols.isEmpty() && HEADER_WORDS.contains(cols.getFirst().strip().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                addRow(row, new Row(col(cols, 0), col(cols, 1), cols.size() > 2 ? split(cols.get(2)) : List.of(),
                        col(cols, 3), col(cols, 4), col(cols, 5)), entries, errors);
            }
        } catch (Exception e) {
            errors.add("row " + (row + 1) + " and after: unreadable CSV (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static void jsonl(String text, List<FaqEntry> entries, List<String> errors) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(lines.get(i));
                List<String> alts = new ArrayList<>();
                n.path("alternatives").forEach(a -> alts.add(a.asText()));
                addRow(i + 1, new Row(n.path("question").asText(null), n.path("answer").asText(null), alts,
                        n.path("source").asText(null), n.path("effective_from").asText(null),
                        n.path("effective_until").asText(null)), entries, errors);
            } catch (JsonProcessingException e) {
                errors.add("row " + (i + 1) + ": not a JSON object");
            }
        }
    }

    /** One row as read, before validation. */
    private record Row(String q, String a, List<String> alts, String source, String from, String until) {
    }

    private static void addRow(int row, Row r, List<FaqEntry> entries, List<String> errors) {
        if (r.q() == null || r.q().isBlank() || r.a() == null || r.a().isBlank()) {
            errors.add("row " + row + ": question and answer are both required");
            return;
        }
        LocalDate from;
        LocalDate until;
        try {
            from = date(r.from());
            until = date(r.until());
        } catch (DateTimeParseException e) {
            errors.add("row " + row + ": effective dates must be ISO (yyyy-MM-dd)");
            return;
        }
        entries.add(new FaqEntry(r.q().strip(), r.a().strip(),
                r.alts().stream().map(String::strip).filter(s -> !s.isEmpty()).toList(), r.source(), from, until));
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }

    private static String col(List<String> cols, int i) {
        return cols.size() > i ? cols.get(i) : null;
    }

    private static List<String> split(String alternatives) {
        return Arrays.asList(alternatives.split("[|；;]"));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
