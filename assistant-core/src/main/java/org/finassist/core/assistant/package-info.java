/**
 * One customer turn end to end: classify the scenario, gather grounding for it (for {@code qa}: passages from a
 * langchain4j {@code ContentRetriever}; other scenarios plug in a {@link org.finassist.core.assistant.GroundingSource}),
 * compose the prompt from {@code prompts}, and stream the routed answer with its citations.
 */
package org.finassist.core.assistant;
