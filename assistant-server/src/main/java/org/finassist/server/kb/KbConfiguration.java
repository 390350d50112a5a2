package org.finassist.server.kb;

import java.util.Set;

import javax.sql.DataSource;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import org.finassist.rag.demo.DemoKnowledgeBase;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.embed.Embedder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.finassist.core.privacy.PiiMasker;
import org.finassist.rag.rerank.HttpScoringModel;
import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.Reranker;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.finassist.rag.store.pgvector.PgVectorKnowledgeStore;
import org.finassist.server.cluster.ClusterProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires rag-index: the store chosen by {@code finassist.rag.store}, bge-small-zh in process, hybrid retrieval. */
@Configuration(proxyBeanMethods = false)
class KbConfiguration {

    /** Shares the application's bge-small-zh instance (one copy of the model in memory). */
    @Bean
    Embedder kbEmbedder(EmbeddingModel embeddingModel) {
        return new Embedder(embeddingModel, Embedder.BGE_QUERY_PREFIX, 64);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "finassist.rag.store", havingValue = "lucene", matchIfMissing = true)
    KnowledgeStore luceneKnowledgeStore(KbProperties props) {
        return LuceneKnowledgeStore.open(props.indexDir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "finassist.rag.store", havingValue = "pgvector")
    KnowledgeStore pgVectorKnowledgeStore(KbProperties props, DataSource dataSource, Embedder kbEmbedder) {
        requirePostgres(dataSource);
        return PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(props.pgSchema())
                .dimension(kbEmbedder.dimension()).keywordCandidates(props.pgKeywordCandidates()).build();
    }

    @Bean
    KnowledgeIndex knowledgeIndex(KnowledgeStore store, Embedder kbEmbedder, KbProperties props) {
        FinanceDictionary dictionary = FinanceDictionary.bundledPlus(props.dictionaryTerms());
        if (props.dictionaryFile() != null) dictionary = dictionary.withFile(props.dictionaryFile());
        Fusion fusion = switch (props.fusion().toLowerCase(java.util.Locale.ROOT)) {
            case "rrf" -> new Fusion.Rrf(props.rrfK());
            case "weighted" -> new Fusion.Weighted(props.vectorWeight());
            case "confident-instructed" -> Fusion.Confident.INSTRUCTED_ONLY;
            default -> Fusion.Confident.DEFAULT;
        };
        RetrievalOptions options = RetrievalOptions.defaults().withFusion(fusion).withTopN(props.topN())
                .withMinVectorSimilarity(props.minVectorSimilarity()).withFaq(true, props.faqThreshold());
        return KnowledgeIndex.builder().store(store).embedder(kbEmbedder)
                .segmenter(new ChineseSegmenter(dictionary)).options(options).maxFileBytes(props.maxFileBytes())
                .reranker(reranker(props.reranker())).build();
    }

    /** A configured rerank endpoint; questions and passages are masked before they leave. */
    private static Reranker reranker(KbProperties.Reranker r) {
        if (!r.enabled()) return null;
        HttpScoringModel model = HttpScoringModel.builder().url(r.url()).api(HttpScoringModel.Api.of(r.api()))
                .model(r.model()).apiKey(r.apiKey()).timeout(r.timeout()).masker(PiiMasker::mask).build();
        return new Reranker(model, r.candidates());
    }

    /**
     * {@code finassist.rag.reranker.calls} and {@code .fallbacks} (answered in fused order because the reranker failed
     * or its circuit was open), when a reranker is configured.
     */
    @Bean
    MeterBinder rerankerMeters(KnowledgeIndex index) {
        return registry -> index.hybridRetriever().reranker().ifPresent(r -> {
            FunctionCounter.builder("finassist.rag.reranker.calls", r, Reranker::calls)
                    .description("questions sent to the reranker").register(registry);
            FunctionCounter.builder("finassist.rag.reranker.fallbacks", r, Reranker::fallbacks)
                    .description("questions answered in fused order: reranker failed or circuit open").register(registry);
        });
    }

    /** The pgvector store lives in the application database; on the embedded H2 it cannot work at all. */
    private static void requirePostgres(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                throw new IllegalStateException("finassist.rag.store=pgvector keeps the knowledge base in the application"
                        + " database, which is " + product + ": run with the postgres profile"
                        + " (SPRING_PROFILES_ACTIVE=postgres) or use finassist.rag.store=lucene");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the application database for the pgvector store", e);
        }
    }

    /** Read-only retrieval over {@code finassist.rag.default-kb-ids}, for the qa scenario. */
    @Bean
    ContentRetriever knowledgeContentRetriever(KnowledgeIndex index, KbProperties props) {
        return index.retriever(Set.copyOf(props.defaultKbIds()));
    }

    @Bean
    KnowledgeBases knowledgeBases(JdbcClient jdbc, KnowledgeIndex index) {
        return new KnowledgeBases(jdbc, index);
    }

    /** Lets knowledge-base uploads stream past the container's multipart limits; see {@link KbUploads}. */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new KbMultipartResolver();
    }

    @Bean(destroyMethod = "close")
    IngestJobs ingestJobs(KnowledgeIndex index, JdbcClient jdbc, ClusterProperties cluster,
                          @Value("${finassist.node-id}") String nodeId) {
        return new IngestJobs(index, new IngestJobStore(jdbc, nodeId), cluster.jobHeartbeat(), cluster.jobDeadAfter());
    }

    @Bean
    DemoLoading demoLoading(KbProperties props, KnowledgeBases kbs) {
        return new DemoLoading(props.demo() && kbs.find(DemoKnowledgeBase.KB_ID).isEmpty());
    }

    @Bean
    DemoKnowledgeBaseLoader demoKnowledgeBaseLoader(KnowledgeBases kbs, IngestJobs jobs, DemoLoading loading) {
        return new DemoKnowledgeBaseLoader(kbs, jobs, loading);
    }
}
