package org.finassist.core.assistant;

import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's own grounding (opening step, diagnosis facts, market scan) with knowledge-base retrieval beside it, so
 * every route can answer the questions its knowledge base holds ("开户要准备啥" on the account-opening route). The
 * scenario's facts, check and subject stand; its direct answer wins over an FAQ's; the passages of both are kept,
 * the scenario's first.
 */
public final class KnowledgeAlongside implements GroundingSource {

    private final GroundingSource own;
    private final GroundingSource knowledge;

    /**
     * @param own       the scenario's own source; {@code null} when the scenario has none (only the knowledge base)
     * @param knowledge the knowledge-base source
     */
    public KnowledgeAlongside(GroundingSource own, GroundingSource knowledge) {
        this.own = own;
        this.knowledge = knowledge;
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Grounding kb = knowledge.ground(question, classification, knowledgeBases);
        if (own == null) {
            return kb;
        }
        Grounding mine = own.ground(question, classification, knowledgeBases);
        List<Passage> passages = new ArrayList<>(mine.passages());
        kb.passages().stream().filter(p -> passages.stream().noneMatch(q -> q.id().equals(p.id()))).forEach(passages::add);
        // with facts about a subject (a stock, the market) a curated FAQ answer would ignore the subject
        String direct = mine.directAnswer() != null || !mine.facts().isEmpty() ? mine.directAnswer() : kb.directAnswer();
        Map<String, String> facts = new LinkedHashMap<>(mine.facts());
        return new Grounding(passages, facts, direct, mine.check(), mine.subject());
    }
}
