package org.finassist.rag.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads question→passage sets: CSV with a header naming {@code question} and {@code context} (or {@code passage})
 * columns — the Fin-Eva layout — or JSONL objects with the same keys. Identical passages share one id, so the corpus
 * is the set of distinct passages; a row with a passage and no question adds a distractor passage (a knowledge base's
 * entries nobody in the set asks about).
 */
public final class EvalSetLoader {

    private EvalSetLoader() {
    }

    public static EvalSet load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        List<Map<String, String>> rows = file.toString().endsWith(".jsonl") ? jsonl(text) : csv(text);
        Map<String, String> idByPassage = new LinkedHashMap<>();
        Map<String, String> passages = new LinkedHashMap<>();
        List<EvalSet.EvalQuery> queries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            String passage = r.getOrDefault("context", r.get("passage"));
            String question = r.get("question");
            if (passage == null || passage.isBlank()) continue;
            String id = idByPassage.computeIfAbsent(passage.strip(), p -> "p" + (idByPassage.size() + 1));
            passages.put(id, passage.strip());
            // a passage without a question is a distractor: in the corpus, asked by nobody
            if (question != null && !question.isBlank()) queries.add(new EvalSet.EvalQuery(i + 1, question.strip(), id));
        }
        return new EvalSet(passages, queries);
    }

    private static List<Map<String, String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        }
    }

    private static List<Map<String, String>> jsonl(String text) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode n = json.readTree(line);
            Map<String, String> row = new LinkedHashMap<>();
            n.properties().forEach(e -> row.put(e.getKey(), e.getValue().asText()));
            rows.add(row);
        }
        return rows;
    }
}
