package org.finassist.content.commentary;

import org.finassist.content.facts.Fact;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.guardrail.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A written article with everything needed to audit it, grouped as its text, the evidence it was written and checked
 * against, and how it was generated.
 *
 * @param subjectName  the stock's name, or 全市场 for market-level articles
 */
public record Article(ArticleId id, ArticleStatus status, String subjectName, Text text, Evidence evidence,
                      Generation generation, Instant createdAt) {

    /**
     * What was written.
     *
     * @param body      the checked text (without label and disclaimer)
     * @param published label + title + body + data date + disclaimer: what is published (empty when rejected)
     * @param segments  timed segments of a video script (empty for other types)
     */
    public record Text(String title, String body, String published, List<VideoSegment> segments) {
        public Text {
            segments = List.copyOf(segments);
        }
    }

    /**
     * What the article was written from and what the checks said.
     *
     * @param citations news passages offered to the writer as possible factors (empty without a news retriever)
     * @param checks    violations found in the final text (empty when it passed)
     * @param attempts  every candidate text and why it was or was not accepted
     */
    public record Evidence(List<Fact> facts, List<String> citations, List<Violation> checks,
                           List<NarrativeAttempt> attempts) {
        public Evidence {
            facts = List.copyOf(facts);
            citations = List.copyOf(citations);
            checks = List.copyOf(checks);
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * Who wrote the accepted text and what it cost.
     *
     * @param route the router route asked ({@code commentary}), or {@code local} when no model was configured
     * @param model {@code provider:model} that wrote the accepted text, or {@code local-template}
     */
    public record Generation(NarrativeSource source, String route, String model, long promptTokens,
                             long completionTokens, BigDecimal costCny) {
        public Generation {
            costCny = costCny == null ? BigDecimal.ZERO : costCny;
        }
    }
}
