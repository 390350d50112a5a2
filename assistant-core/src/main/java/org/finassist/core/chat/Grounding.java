package org.finassist.core.chat;

import java.util.List;
import java.util.Map;

/**
 * What a scenario hands the models to answer from: retrieved passages, computed facts (each value already
 * formatted with its unit and date), and an optional direct answer (an FAQ hit) the local model may return as is.
 */
public record Grounding(List<Passage> passages, Map<String, String> facts, String directAnswer) {

    public static final Grounding NONE = new Grounding(List.of(), Map.of(), null);

    public Grounding {
        passages = passages == null ? List.of() : List.copyOf(passages);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public boolean isEmpty() {
        return passages.isEmpty() && facts.isEmpty() && directAnswer == null;
    }
}
