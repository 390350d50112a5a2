package org.finassist.content.commentary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.finassist.content.facts.Fact;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.core.guardrail.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Markdown (what is published, with the video timeline) and JSON (the article with all its metadata). */
public final class ArticleExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArticleExport() {
    }

    public static String markdown(Article a) {
        StringBuilder md = new StringBuilder();
        if (a.status() != ArticleStatus.DONE) {
            md.append("# ").append(a.text().title()).append("\n\n> 未通过核对，未发布（").append(a.status().id()).append("）\n\n")
                    .append(a.text().body()).append('\n');
            return md.toString();
        }
        // the published text's first line is the AIGC label and the title: it becomes the heading
        md.append("# ").append(a.text().published().strip()).append('\n');
        if (!a.text().segments().isEmpty()) {
            md.append("\n| 时间 | 口播 | 字幕 |\n|---|---|---|\n");
            for (VideoSegment s : a.text().segments()) {
                md.append("| ").append(s.start()).append("–").append(s.end()).append(" 秒 | ").append(s.narration())
                        .append(" | ").append(s.caption()).append(" |\n");
            }
        }
        md.append("\n<!-- ").append(a.id().value()).append(" · ").append(a.generation().model()).append(" -->\n");
        return md.toString();
    }

    public static String json(Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("type", a.id().type().id());
        m.put("subject", a.id().subject());
        m.put("subjectName", a.subjectName());
        m.put("date", a.id().date().toString());
        m.put("templateVersion", a.id().templateVersion());
        m.put("status", a.status().id());
        m.put("title", a.text().title());
        m.put("body", a.text().body());
        m.put("published", a.text().published());
        m.put("segments", a.text().segments().stream().map(s -> Map.of("start", s.start(), "end", s.end(),
                "narration", s.narration(), "caption", s.caption())).toList());
        m.put("facts", a.evidence().facts().stream().map(ArticleExport::fact).toList());
        m.put("citations", a.evidence().citations());
        m.put("source", a.generation().source().name().toLowerCase(java.util.Locale.ROOT));
        m.put("route", a.generation().route());
        m.put("model", a.generation().model());
        m.put("promptTokens", a.generation().promptTokens());
        m.put("completionTokens", a.generation().completionTokens());
        m.put("costCny", a.generation().costCny().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        m.put("checks", violations(a.evidence().checks()));
        m.put("attempts", a.evidence().attempts().stream().map(ArticleExport::attempt).toList());
        m.put("createdAt", a.createdAt().toString());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write article " + a.id() + " as JSON", e);
        }
    }

    /** Writes {@code <id>.md} and {@code <id>.json} into {@code dir}. */
    public static void write(Article a, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(a.id().fileName() + ".md"), markdown(a));
            Files.writeString(dir.resolve(a.id().fileName() + ".json"), json(a));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export " + a.id() + " to " + dir, e);
        }
    }

    private static Map<String, Object> fact(Fact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("label", f.label());
        m.put("value", f.value().toPlainString());
        m.put("unit", f.unit().name().toLowerCase(java.util.Locale.ROOT));
        m.put("display", f.display());
        m.put("asOf", f.asOf().toString());
        return m;
    }

    private static Map<String, Object> attempt(NarrativeAttempt t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", t.origin());
        m.put("accepted", t.accepted());
        m.put("model", t.modelName());
        m.put("tokens", t.tokens());
        m.put("error", t.error());
        m.put("violations", violations(t.violations()));
        return m;
    }

    private static List<Map<String, String>> violations(List<Violation> v) {
        return v.stream().map(x -> Map.of("guardrail", x.guardrail(), "code", x.code(), "sentence", x.sentence(),
                "detail", x.detail())).toList();
    }

    /** Reads back the JSON field {@code key} of an exported article (for stores that keep the JSON). */
    public static String field(String json, String key) {
        try {
            return JSON.readTree(json).path(key).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
