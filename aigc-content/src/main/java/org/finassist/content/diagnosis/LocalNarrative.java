package org.finassist.content.diagnosis;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;

import org.finassist.prompts.PromptRenderer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The deterministic narrative of the {@code diagnosis/local-narrative.ftl} template over the same facts. */
final class LocalNarrative {

    static final String TEMPLATE = "diagnosis/local-narrative.ftl";
    private static final List<String> PLAIN = List.of("close", "ma5", "ma10", "ma20", "ma60", "macdDif", "macdDea",
            "macdBar", "rsi6", "rsi12", "rsi24", "kdjK", "kdjD", "kdjJ", "volatility20", "volatility60", "maxDrawdown",
            "high52w", "low52w", "volume", "amount", "limitUps60", "limitDowns60");

    private final PromptRenderer renderer;

    LocalNarrative(PromptRenderer renderer) {
        this.renderer = renderer;
    }

    String write(DiagnosisFacts f, Scores scores) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", f.security().name());
        m.put("symbol", f.security().symbol().toString());
        m.put("asOf", f.asOf().toString());
        PLAIN.forEach(k -> m.put(k, f.get(k).display()));
        m.put("move1d", FactFormat.move(f.get("change1d"), "上涨", "下跌"));
        for (String n : List.of("5d", "20d", "60d")) {
            m.put("move" + n, FactFormat.move(f.get("change" + n), "上涨", "下跌"));
        }
        m.put("fromHigh52w", FactFormat.move(f.get("fromHigh52w"), "高", "低"));
        m.put("fromLow52w", FactFormat.move(f.get("fromLow52w"), "高", "低"));
        m.put("volumeRatio", f.find("volumeRatio").map(Fact::display).orElse(""));
        m.put("turnover", f.find("turnover").map(Fact::display).orElse(""));
        m.put("benchmarkName", f.find("excess20d").isPresent() ? f.benchmark().name() : "");
        m.put("index20d", f.find("index20d").map(x -> FactFormat.move(x, "上涨", "下跌")).orElse(""));
        m.put("excess20d", f.find("excess20d").map(x -> FactFormat.move(x, "跑赢", "跑输")).orElse(""));
        m.put("excess60d", f.find("excess60d").map(x -> FactFormat.move(x, "跑赢", "跑输")).orElse(""));
        for (DimensionScore d : scores.dimensions()) {
            m.put(reasonKey(d.dimension()), String.join("，", d.reasons()));
        }
        m.put("overall", scores.overall());
        m.put("rating", scores.rating().label());
        return renderer.render(TEMPLATE, m).strip();
    }

    private static String reasonKey(Dimension d) {
        return switch (d) {
            case TREND -> "trendReasons";
            case MOMENTUM -> "momentumReasons";
            case RISK -> "riskReasons";
            case LIQUIDITY -> "liquidityReasons";
            case RELATIVE_STRENGTH -> "relativeReasons";
        };
    }
}
