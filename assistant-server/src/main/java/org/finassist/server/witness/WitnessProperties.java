package org.finassist.server.witness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the witness feature ({@code finassist.digital-human-adapter.*}).
 *
 * @param runtimeTokens       runtime id → token (wins over the secret for its id)
 * @param runtimeTokenSecret  secret each runtime's token is derived from: hex HMAC-SHA256(secret, runtime id); with
 *                            neither this nor tokens, a random secret in {@code runtime-token.secret} beside the data
 * @param maxFrameChars       larger frames are refused with {@code frame_too_large}
 * @param consoleSessions     sessions one supervisor's console shows (the N of 1-to-N)
 * @param heartbeatSeconds    heartbeat interval announced to runtimes
 * @param missedHeartbeats    a connection silent for this many intervals (no frame at all) is closed and its
 *                            sessions wait for the runtime to reconnect; a socket that never says hello likewise
 * @param maxReasks           unclear answers re-asked per step before escalating
 * @param maxOffScript        customer questions answered per step
 * @param idSuffixLength      ID-number digits the customer is asked to say
 * @param readAloudThreshold  similarity a read-aloud needs to pass
 * @param writerThreads       group-commit writers (each holds one database connection while committing)
 * @param nodeId              this server's id in session ownership claims; empty means host name and process id
 * @param rejoinTimeout       a session resumed at a reconnect and not rejoined (or left) within this is abandoned
 * @param customerSilence     an open question unanswered this long is asked again (then escalates)
 * @param decisionWait        how long a decision waits for the node holding the session before it is applied to
 *                            the stored copy (that node is taken to be gone)
 */
@ConfigurationProperties("finassist.digital-human-adapter")
public record WitnessProperties(
        @DefaultValue Map<String, String> runtimeTokens,
        @DefaultValue("") String runtimeTokenSecret,
        @DefaultValue("65536") int maxFrameChars,
        @DefaultValue("10") int consoleSessions,
        @DefaultValue("15") int heartbeatSeconds,
        @DefaultValue("3") int missedHeartbeats,
        @DefaultValue("2") int maxReasks,
        @DefaultValue("2") int maxOffScript,
        @DefaultValue("6") int idSuffixLength,
        @DefaultValue("0.85") double readAloudThreshold,
        @DefaultValue("4") int writerThreads,
        @DefaultValue("") String nodeId,
        @DefaultValue("60s") Duration rejoinTimeout,
        @DefaultValue("30s") Duration customerSilence,
        @DefaultValue("5s") Duration decisionWait) {

    /** The configured node id, or host name and process id. */
    String effectiveNodeId() {
        if (nodeId != null && !nodeId.isBlank()) {
            return nodeId;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String id = host + ":" + ProcessHandle.current().pid();
        return id.length() > 100 ? id.substring(0, 100) : id;
    }
}
