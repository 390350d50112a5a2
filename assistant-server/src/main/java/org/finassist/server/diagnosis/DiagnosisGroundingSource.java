package org.finassist.server.diagnosis;

import org.finassist.content.diagnosis.DiagnosisException;
import org.finassist.content.diagnosis.DiagnosisReport;
import org.finassist.content.diagnosis.DiagnosisService;
import org.finassist.content.diagnosis.Fact;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SymbolResolver;
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
 * Grounds the chat's stock-diagnosis scenario ("诊股 600000", "帮我看看平安银行"): the computed facts for the
 * model, and the checked template narrative as the direct answer the local model gives.
 */
final class DiagnosisGroundingSource implements GroundingSource {

    // the customer rules, not the narrative's stricter list: a chat answer may say "不建议买入" or explain how to buy
    private static final Guardrails GUARDRAILS = Guardrails.of(new NumberGroundingGuardrail(),
            new CustomerComplianceGuardrail());

    private final DiagnosisService service;
    private final SymbolResolver resolver;

    DiagnosisGroundingSource(DiagnosisService localService, MarketDataSource market) {
        this.service = localService;
        this.resolver = new SymbolResolver(market);
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Optional<Symbol> symbol = Optional.ofNullable(classification.symbol()).flatMap(Symbol::tryParse)
                .or(() -> resolver.findIn(question));
        if (symbol.isEmpty()) {
            return Grounding.NONE;
        }
        try {
            DiagnosisReport report = service.diagnose(symbol.get().toString());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("股票", report.facts().security().name() + "（" + report.facts().security().symbol() + "）");
            facts.put("数据日期", report.dataDate().toString());
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
            return new Grounding(List.of(), Map.of(), e.customerMessage());
        }
    }
}
