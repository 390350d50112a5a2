package org.finassist.server.witness;

import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RoutedChatModel;
import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.InMemoryAuditLog;
import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.session.ChatModelOffScriptResponder;
import org.finassist.dh.session.EngineSettings;
import org.finassist.dh.session.InMemorySessionStore;
import org.finassist.dh.session.SessionStore;
import org.finassist.dh.session.Transactions;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.prompts.PromptRenderer;
import org.finassist.server.funnel.FunnelRecorder;
import org.springdoc.core.models.GroupedOpenApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the witness engine: JDBC audit trail and session store when a database is configured (in-memory
 * otherwise), off-script answers through the router's {@code witness} route when a router is present, and the
 * {@code /ws/runtime} endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WitnessConfiguration implements WebSocketConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessConfiguration.class);

    private final WitnessProperties properties;
    private final ObjectProvider<RuntimeSocketHandler> handler;

    WitnessConfiguration(WitnessProperties properties, ObjectProvider<RuntimeSocketHandler> handler) {
        this.properties = properties;
        this.handler = handler;
    }

    @Bean
    WitnessStores witnessStores(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> tx,
                                org.finassist.server.security.ColumnCipher cipher) {
        JdbcTemplate template = jdbc.getIfAvailable();
        PlatformTransactionManager manager = tx.getIfAvailable();
        if (template == null || manager == null) {
            LOG.warn("No database configured: witness audit trail and sessions are kept in memory only");
            return new WitnessStores(new InMemoryAuditLog(), new InMemorySessionStore(), Transactions.none());
        }
        GroupCommitter committer = new GroupCommitter(new TransactionTemplate(manager), properties.writerThreads());
        return new WitnessStores(new JdbcAuditLog(template, cipher), new JdbcSessionStore(template, Clock.systemUTC(),
                properties.effectiveNodeId(), cipher), committer);
    }

    @Bean
    WitnessEngine witnessEngine(WitnessStores stores, ObjectProvider<ModelRouter> router,
                                ObjectProvider<org.finassist.core.gate.WithholdListener> withholds,
                                ObjectProvider<FunnelRecorder> funnel) {
        EngineSettings settings = new EngineSettings(properties.maxReasks(), properties.maxOffScript(),
                properties.idSuffixLength(), properties.readAloudThreshold(), 12, properties.rejoinTimeout(),
                properties.customerSilence());
        ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), properties.idSuffixLength());
        ModelRouter modelRouter = router.getIfAvailable();
        // without a provider on the route the router's local model would answer with the chat widget's
        // "点击转人工": meaningless in a video call, so the scripted deferral answers instead
        boolean model = modelRouter != null && modelRouter.hasProvider("witness");
        if (!model) {
            LOG.info("No provider on the 'witness' route: customers' questions get the scripted deferral");
        }
        return WitnessEngine.builder()
                .nodeId(properties.effectiveNodeId())
                .settings(settings)
                .auditLog(FunnelAuditLog.wrap(stores.audit(), funnel.getIfAvailable()))
                .sessionStore(stores.sessions())
                .transactions(stores.transactions())
                // an off-script answer is spoken to a customer: it passes the customer answer rules first
                .responder(new CheckedOffScriptResponder(new ChatModelOffScriptResponder(
                        model ? new RoutedChatModel(modelRouter, "witness") : null, texts), texts,
                        withholds.getIfAvailable(() -> org.finassist.core.gate.WithholdListener.NONE)))
                .build();
    }

    @Bean
    DecisionRelay witnessDecisionRelay(WitnessEngine engine, ObjectProvider<JdbcTemplate> jdbc) {
        JdbcTemplate template = jdbc.getIfAvailable();
        return template == null ? DecisionRelay.local(engine)
                : new JdbcDecisionRelay(engine, template, properties.decisionWait(), Duration.ofMillis(200));
    }

    /** The witness endpoints as their own OpenAPI group: /v3/api-docs/witness. */
    @Bean
    GroupedOpenApi witnessOpenApi() {
        return GroupedOpenApi.builder().group("witness").pathsToMatch("/api/witness/**").build();
    }

    @Bean
    TurnLatency witnessTurnLatency() {
        return new TurnLatency(1 << 20);
    }

    @Bean
    RuntimeSocketHandler runtimeSocketHandler(WitnessEngine engine, TurnLatency latency,
                                              @org.springframework.beans.factory.annotation.Value("${finassist.data-dir}")
                                              java.nio.file.Path dataDir) {
        return new RuntimeSocketHandler(engine, FrameCodec.json(properties.maxFrameChars()),
                RuntimeTokens.of(properties.runtimeTokens(), properties.runtimeTokenSecret(), dataDir), properties,
                latency);
    }

    /** Lets frames up to 4 bytes per allowed character reach the codec, which refuses oversized ones politely. */
    @Bean
    ServletServerContainerFactoryBean witnessWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.maxFrameChars() * 4);
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler.getObject(), "/ws/runtime");
    }

    /** The two persistence seams, chosen together. */
    record WitnessStores(AuditLog audit, SessionStore sessions, Transactions transactions) implements AutoCloseable {
        @Override
        public void close() {
            if (transactions instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Closing the witness writer failed: {}", e.toString());
                }
            }
        }
    }
}
