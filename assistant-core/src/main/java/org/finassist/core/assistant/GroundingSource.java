package org.finassist.core.assistant;

import org.finassist.core.chat.Grounding;
import org.finassist.core.classify.Classification;

/** Gathers what a scenario's answer must rest on: passages, computed facts, a direct FAQ answer. */
public interface GroundingSource {

    /**
     * @param question       the customer's message
     * @param classification the scenario decision (with the stock symbol found, if any)
     * @param knowledgeBases the knowledge bases this request may read; empty = the configured default
     */
    Grounding ground(String question, Classification classification, java.util.List<String> knowledgeBases);
}
