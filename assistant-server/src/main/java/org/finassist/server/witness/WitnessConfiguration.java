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
    WitnessStores witnessStores(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> tx) {
        JdbcTemplate template = jdbc.getIfAvailable();
        PlatformTransactionManager manager = tx.getIfAvailable();
        if (template == null || manager == null) {
            LOG.warn("No database configured: witness audit trail and sessions are kept in memory only");
            return new WitnessStores(new InMemoryAuditLog(), new InMemorySessionStore(), Transactions.none());
        }
        GroupCommitter committer = new GroupCommitter(new TransactionTemplate(manager), properties.writerThreads());
        return new WitnessStores(new JdbcAuditLog(template), new JdbcSessionStore(template, Clock.systemUTC()),
                committer);
    }

    @Bean
    WitnessEngine witnessEngine(WitnessStores stores, ObjectProvider<ModelRouter> router,
                                ObjectProvider<FunnelRecorder> funnel) {
        EngineSettings settings = new EngineSettings(properties.maxReasks(), properties.maxOffScript(),
                properties.idSuffixLength(), properties.readAloudThreshold(), 12);
        ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), properties.idSuffixLength());
        ModelRouter modelRouter = router.getIfAvailable();
        return WitnessEngine.builder()
                .settings(settings)
                .auditLog(FunnelAuditLog.wrap(stores.audit(), funnel.getIfAvailable()))
                .sessionStore(stores.sessions())
                .transactions(stores.transactions())
                .responder(new ChatModelOffScriptResponder(
                        modelRouter == null ? null : new RoutedChatModel(modelRouter, "witness"), texts))
                .build();
    }

    @Bean
    TurnLatency witnessTurnLatency() {
        return new TurnLatency(1 << 20);
    }

    @Bean
    RuntimeSocketHandler runtimeSocketHandler(WitnessEngine engine, TurnLatency latency) {
        return new RuntimeSocketHandler(engine, FrameCodec.json(properties.maxFrameChars()),
                new RuntimeTokens(properties.runtimeTokens()), properties, latency);
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
