package org.finassist.content.commentary;

import org.finassist.content.anomaly.Anomaly;
import org.finassist.content.facts.Fact;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The FreeMarker data model of the commentary prompts and local templates: plain maps of pre-formatted text. */
final class PromptModel {

    private PromptModel() {
    }

    static Map<String, Object> of(ArticleType type, SubjectFacts f, List<String> news, List<String> rejected) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", type.id());
        m.put("name", f.name());
        m.put("symbol", f.subject());
        m.put("date", f.date().toString());
        m.put("day", facts(f.day()));
        for (Fact fact : f.day()) {
            m.put(fact.key().equals("change1d") ? "change" : fact.key(), fact.display());
        }
        m.put("anomalies", f.anomalies().stream().map(PromptModel::anomaly).toList());
        m.put("indices", f.indices().stream().map(q -> Map.of("name", q.index().name(), "facts", facts(q.facts())))
                .toList());
        m.put("breadth", f.breadth() == null ? List.of() : facts(f.breadth().facts()));
        m.put("news", news);
        m.put("rejected", rejected);
        return m;
    }

    private static Map<String, Object> anomaly(Anomaly a) {
        Fact headline = a.fact(a.kind().headline()).orElse(a.facts().getFirst());
        return Map.of("label", a.kind().label(), "subject", a.security().name(),
                "time", a.time() == null ? "" : a.time().format(DateTimeFormatter.ofPattern("HH:mm")),
                "facts", facts(a.facts()), "headline", Map.of("label", headline.label(), "display", headline.display()));
    }

    private static List<Map<String, String>> facts(List<Fact> facts) {
        return facts.stream().map(x -> Map.of("label", x.label(), "display", x.display())).toList();
    }
}
