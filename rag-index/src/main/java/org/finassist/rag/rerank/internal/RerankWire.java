package org.finassist.rag.rerank.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON bodies of the two rerank APIs. Not API. */
public final class RerankWire {

    private RerankWire() {
    }

    /** Cohere-style request (Cohere, Jina, SiliconFlow, Xinference, vLLM): {@code POST .../rerank}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CohereRequest(String model, String query, List<String> documents,
                                @JsonProperty("top_n") int topN,
                                @JsonProperty("return_documents") boolean returnDocuments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CohereResponse(List<CohereResult> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CohereResult(Integer index, @JsonProperty("relevance_score") Double relevanceScore) {
    }

    /** Hugging Face text-embeddings-inference: {@code POST /rerank}; the answer is a bare array. */
    public record TeiRequest(String query, List<String> texts, boolean truncate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeiResult(Integer index, Double score) {
    }
}
