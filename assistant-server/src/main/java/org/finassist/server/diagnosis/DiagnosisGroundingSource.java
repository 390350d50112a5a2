package org.finassist.server.diagnosis;

import org.finassist.content.diagnosis.DiagnosisException;
import org.finassist.content.diagnosis.DiagnosisReport;
import org.finassist.content.diagnosis.DiagnosisService;
import org.finassist.content.facts.Fact;
import org.finassist.content.market.Symbol;
import org.finassist.content.master.Resolution;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.chat.Grounding;
import org.finassist.core.classify.Classification;
import org.finassist.core.guardrail.CustomerComplianceGuardrail;
import org.finassist.core.guardrail.Guardrails;
import org.finassist.core.guardrail.NumberGroundingGuardrail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grounds the chat's stock-diagnosis scenario ("诊股 600000", "帮我看看平安银行", "茅台能买吗", "gzmt怎么样"): the
 * computed facts for the model, and the checked template narrative as the direct answer the local model gives. A
 * name several stocks share is answered with a clarifying question, an unknown one with a clear answer.
 */
final class DiagnosisGroundingSource implements GroundingSource {

    // the customer rules, not the narrative's stricter list: a chat answer may say "不建议买入" or explain how to buy
    private static final Guardrails GUARDRAILS = Guardrails.of(new NumberGroundingGuardrail(),
            new CustomerComplianceGuardrail());

    private final DiagnosisService service;
    private final boolean simulatedPrices;

    /** @param simulatedPrices the demo market: every answer says its prices are simulated */
    DiagnosisGroundingSource(DiagnosisService localService, boolean simulatedPrices) {
        this.service = localService;
        this.simulatedPrices = simulatedPrices;
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Optional<Symbol> classified = Optional.ofNullable(classification.symbol()).flatMap(Symbol::tryParse);
        Resolution found = classified.isPresent() ? service.resolver().resolve(classified.get().toString())
                : service.resolver().findIn(question);
        return switch (found) {
            case Resolution.Found f -> diagnose(f.security().symbol());
            case Resolution.Ambiguous a -> fixed(a.question(), "AMBIGUOUS_STOCK");
            case Resolution.Unknown u -> classified.isPresent() ? diagnose(classified.get())
                    : fixed(u.message(), "UNKNOWN_STOCK");
            case Resolution.Absent ignored -> Grounding.NONE;
        };
    }

    /**
     * An answer the customer must get word for word (which stock? / no such stock): a model's free text is never
     * published instead, the check swaps it for this one.
     */
    private static Grounding fixed(String answer, String code) {
        // checked sentence by sentence: only the answer's own sentences pass; the fact lets its figures (codes) through
        return new Grounding(List.of(), Map.of("答复", answer), answer,
                sentence -> sentence != null && answer.contains(sentence.strip()) ? List.of()
                        : List.of(code + ": the stock is not identified; the fixed clarification is shown"));
    }

    private Grounding diagnose(Symbol symbol) {
        try {
            DiagnosisReport report = service.diagnose(symbol.toString());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("股票", report.facts().security().name() + "（" + report.facts().security().symbol() + "）");
            facts.put("数据日期", report.dataDate().toString());
            if (simulatedPrices) {
                facts.put("行情说明", "演示环境：名称为真实上市公司，价格与成交数据为模拟，并非真实行情，回答须说明价格为模拟");
            }
            for (Fact f : report.facts().facts()) {
                facts.put(f.label(), f.display() + "（" + f.asOf() + "）");
            }
            facts.put("技术面综合评分", report.scores().overall() + "分");
            facts.put("技术面评级", report.rating().label());
            // the chat model's answer is shown only after it passes the same checks as the narrative
            var context = report.groundingContext();
            return new Grounding(List.of(), facts, report.publishedText(), answer -> GUARDRAILS.check(answer, context)
                    .violations().stream().map(v -> v.code() + ": " + v.sentence()).toList())
                    .withSubject(report.facts().security().symbol().toString());
        } catch (DiagnosisException e) {
            return fixed(e.customerMessage(), e.reason().name());
        }
    }
}
