package org.finassist.server.witness;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runtime tokens are per runtime id and never appear in a log line. */
class RuntimeTokensTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RuntimeTokens.class);

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    private String logged() {
        return String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void aDerivedTokenOpensOnlyItsOwnRuntimeId() {
        RuntimeTokens tokens = RuntimeTokens.of(Map.of(), "s3cret-of-the-brokerage", dataDir);
        String rt1 = RuntimeTokens.derive("s3cret-of-the-brokerage".getBytes(StandardCharsets.UTF_8), "rt-1");
        assertThat(tokens.accepts("rt-1", rt1)).isTrue();
        assertThat(tokens.accepts("rt-2", rt1)).isFalse();
        assertThat(tokens.accepts("rt-1", rt1.toUpperCase())).isFalse();
        assertThat(tokens.accepts("rt-1", null)).isFalse();
        assertThat(logged()).doesNotContain(rt1).doesNotContain("s3cret");
    }

    @Test
    void configuredTokensArePerRuntimeAndWinOverTheSecret() {
        RuntimeTokens only = RuntimeTokens.of(Map.of("rt-1", "t1", "rt-2", "t2"), "", dataDir);
        assertThat(only.accepts("rt-1", "t1")).isTrue();
        assertThat(only.accepts("rt-2", "t1")).isFalse();
        assertThat(only.accepts("rt-3", "t1")).isFalse();
        RuntimeTokens both = RuntimeTokens.of(Map.of("rt-1", "t1"), "k", dataDir);
        assertThat(both.accepts("rt-1", RuntimeTokens.derive("k".getBytes(StandardCharsets.UTF_8), "rt-1"))).isFalse();
        assertThat(both.accepts("rt-9", RuntimeTokens.derive("k".getBytes(StandardCharsets.UTF_8), "rt-9"))).isTrue();
    }

    @Test
    void withNothingConfiguredTheSecretIsAFileBesideTheDataAndIsNotLogged() throws Exception {
        RuntimeTokens tokens = RuntimeTokens.of(Map.of(), "", dataDir);
        Path file = dataDir.resolve(RuntimeTokens.SECRET_FILE);
        String secret = Files.readString(file).strip();
        String rt1 = RuntimeTokens.derive(secret.getBytes(StandardCharsets.UTF_8), "rt-1");
        assertThat(tokens.accepts("rt-1", rt1)).isTrue();
        assertThat(tokens.accepts("rt-2", rt1)).isFalse();
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(logs.list).isNotEmpty();
        assertThat(logged()).contains(file.toString()).doesNotContain(secret).doesNotContain(rt1);
        // a restart keeps the secret, so runtimes keep their tokens
        assertThat(RuntimeTokens.of(Map.of(), "", dataDir).accepts("rt-1", rt1)).isTrue();
    }
}
