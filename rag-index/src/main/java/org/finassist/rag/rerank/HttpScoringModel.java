package org.finassist.rag.rerank;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import org.finassist.rag.rerank.internal.RerankWire;

/**
 * A cross-encoder behind an HTTP rerank endpoint. Every text that leaves (the question and the passages) first goes
 * through the {@code masker}, so ID and phone numbers in a customer's question never reach a hosted reranker.
 * Failures (connection, timeout, non-2xx, a malformed answer) throw {@link RerankException}; the caller decides
 * what to do without scores. Thread-safe.
 */
public final class HttpScoringModel implements ScoringModel {

    /** Which wire format the endpoint speaks. */
    public enum Api {
        /** {@code {model, query, documents, top_n}} → {@code {results: [{index, relevance_score}]}}. */
        COHERE,
        /** Hugging Face TEI: {@code {query, texts}} → {@code [{index, score}]}. */
        TEI;

        /** {@code cohere} or {@code tei}, any case; anything else is a configuration error naming both. */
        public static Api of(String name) {
            for (Api a : values()) if (a.name().equalsIgnoreCase(name == null ? "" : name.strip())) return a;
            throw new IllegalArgumentException("reranker api must be cohere or tei, not '" + name + "'");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_CHARS = 200;

    private final URI url;
    private final Api api;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final UnaryOperator<String> masker;
    private final HttpClient http;

    private HttpScoringModel(Builder b) {
        this.url = Objects.requireNonNull(b.url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("reranker url must be http(s): " + url);
        }
        this.api = b.api == null ? Api.COHERE : b.api;
        this.model = b.model == null || b.model.isBlank() ? null : b.model;
        this.apiKey = b.apiKey == null || b.apiKey.isBlank() ? null : b.apiKey;
        this.timeout = b.timeout == null ? Duration.ofSeconds(2) : b.timeout;
        this.masker = Objects.requireNonNull(b.masker, "masker (personal data must be masked before it leaves)");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
        if (segments.isEmpty()) return Response.from(List.of());
        List<String> texts = segments.stream().map(s -> masker.apply(s.text())).toList();
        String body = post(requestBody(masker.apply(query), texts));
        return Response.from(Arrays.stream(parse(body, texts.size())).boxed().toList());
    }

    private String requestBody(String query, List<String> texts) {
        Object request = switch (api) {
            case COHERE -> new RerankWire.CohereRequest(model, query, texts, texts.size(), false);
            case TEI -> new RerankWire.TeiRequest(query, texts, true);
        };
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new RerankException("cannot write the rerank request", e);
        }
    }

    private String post(String body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) req.header("Authorization", "Bearer " + apiKey);
        HttpResponse<String> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RerankException("reranker at " + url + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new RerankException("cannot reach the reranker at " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RerankException("interrupted while waiting for the reranker", e);
        }
        if (resp.statusCode() / 100 != 2) {
            String text = resp.body() == null ? "" : resp.body();
            throw new RerankException("reranker at " + url + " answered HTTP " + resp.statusCode() + ": "
                    + text.substring(0, Math.min(ERROR_BODY_CHARS, text.length())), null);
        }
        return resp.body();
    }

    /** Scores in the order of the texts sent; every text must have exactly one score. */
    private double[] parse(String body, int n) {
        double[] scores = new double[n];
        Arrays.fill(scores, Double.NaN);
        try {
            switch (api) {
                case COHERE -> {
                    RerankWire.CohereResponse r = JSON.readValue(body, RerankWire.CohereResponse.class);
                    if (r.results() == null) throw new RerankException("rerank answer has no results", null);
                    r.results().forEach(x -> put(scores, x.index(), x.relevanceScore()));
                }
                case TEI -> JSON.readValue(body, new TypeReference<List<RerankWire.TeiResult>>() { })
                        .forEach(x -> put(scores, x.index(), x.score()));
            }
        } catch (JsonProcessingException e) {
            throw new RerankException("rerank answer is not the expected JSON: " + e.getOriginalMessage(), e);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) throw new RerankException("rerank answer has no score for passage " + i, null);
        }
        return scores;
    }

    private static void put(double[] scores, Integer index, Double score) {
        if (index == null || score == null || index < 0 || index >= scores.length || score.isNaN()) {
            throw new RerankException("rerank answer has a bad result: index " + index + ", score " + score, null);
        }
        scores[index] = score;
    }

    /** Builder: {@code url} and {@code masker} are required. */
    public static final class Builder {
        private URI url;
        private Api api;
        private String model;
        private String apiKey;
        private Duration timeout;
        private UnaryOperator<String> masker;

        /** The full endpoint, e.g. {@code http://xinference:9997/v1/rerank} or {@code http://tei:8080/rerank}. */
        public Builder url(String url) { this.url = URI.create(url); return this; }
        public Builder api(Api api) { this.api = api; return this; }
        /** Model name sent in Cohere-style requests (e.g. {@code bge-reranker-v2-m3}); ignored by TEI. */
        public Builder model(String model) { this.model = model; return this; }
        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
        /** Connect and answer deadline; default 2 s. */
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        /** Applied to every text before it is sent (personal data masking). */
        public Builder masker(UnaryOperator<String> masker) { this.masker = masker; return this; }

        public HttpScoringModel build() {
            return new HttpScoringModel(this);
        }
    }
}
