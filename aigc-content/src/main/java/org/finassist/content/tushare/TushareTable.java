package org.finassist.content.tushare;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One answer of the API: {@code data.fields} and {@code data.items}, read by column name. */
record TushareTable(List<String> fields, List<JsonNode> items) {

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    TushareTable {
        fields = List.copyOf(fields);
        items = List.copyOf(items);
    }

    static TushareTable of(JsonNode data) {
        List<String> fields = new ArrayList<>();
        data.path("fields").forEach(f -> fields.add(f.asText()));
        List<JsonNode> items = new ArrayList<>();
        data.path("items").forEach(items::add);
        return new TushareTable(fields, items);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The rows, each read by field name. */
    List<Row> rows() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i), i);
        }
        return items.stream().map(item -> new Row(index, item)).toList();
    }

    /** One item; missing or null cells read as empty text / NaN / null date. */
    record Row(Map<String, Integer> index, JsonNode item) {

        String text(String field) {
            JsonNode n = cell(field);
            return n == null || n.isNull() ? "" : n.asText();
        }

        double number(String field) {
            JsonNode n = cell(field);
            return n == null || n.isNull() ? Double.NaN : n.asDouble();
        }

        LocalDate date(String field) {
            String t = text(field);
            return t.isBlank() ? null : LocalDate.parse(t, DAY);
        }

        private JsonNode cell(String field) {
            Integer i = index.get(field);
            return i == null ? null : item.get(i);
        }
    }
}
