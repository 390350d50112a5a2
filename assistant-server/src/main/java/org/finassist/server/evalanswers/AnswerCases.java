package org.finassist.server.evalanswers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a question set. JSONL: one object per line with {@code id}, {@code question}, {@code previous} (array),
 * {@code expect} (answer/decline/handoff), {@code scenario}, {@code facts} (array of arrays: each inner array is an
 * any-of group), {@code forbidden} (array). CSV with a header {@code id,previous,question,expect,scenario,facts,
 * forbidden}: previous turns and forbidden phrases separated by {@code |}, fact groups by {@code ;} and the phrases
 * of a group by {@code |}. Lines starting with {@code #} are comments.
 */
final class AnswerCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerCases() {
    }

    static List<AnswerCase> load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(text) : jsonl(text);
    }

    static List<AnswerCase> jsonl(String text) throws IOException {
        List<AnswerCase> out = new ArrayList<>();
        int n = 0;
        for (String line : text.lines().toList()) {
            n++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            JsonNode o = JSON.readTree(line);
            List<List<String>> facts = new ArrayList<>();
            o.path("facts").forEach(g -> facts.add(g.isArray() ? strings(g) : List.of(g.asText())));
            out.add(new AnswerCase(o.path("id").asText("line-" + n), strings(o.path("previous")),
                    require(o.path("question").asText(null), n), Action.of(o.path("expect").asText("answer")),
                    o.path("scenario").asText(null), facts, strings(o.path("forbidden"))));
        }
        return out;
    }

    static List<AnswerCase> csv(String text) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        List<AnswerCase> out = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        mapper.readerForListOf(String.class).<List<String>>readValues(text).forEachRemaining(rows::add);
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.isEmpty() || r.getFirst().startsWith("#")) continue;
            List<List<String>> facts = split(col(r, 5), ";").stream().map(g -> split(g, "\\|")).toList();
            out.add(new AnswerCase(col(r, 0), split(col(r, 1), "\\|"), require(col(r, 2), i + 1),
                    Action.of(col(r, 3)), col(r, 4), facts, split(col(r, 6), "\\|")));
        }
        return out;
    }

    private static String require(String question, int line) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("line " + line + ": question is required");
        }
        return question;
    }

    private static String col(List<String> r, int i) {
        return r.size() > i ? r.get(i) : "";
    }

    private static List<String> split(String s, String sep) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(sep)).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
