package org.finassist.server.commentary;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code finassist.content.commentary.*}: how commentary batches run.
 *
 * @param workers               batch model calls at once on this node (the node runs twice as many item threads);
 *                              0 (default) = the commentary route's first provider limit minus the chat reserve, or
 *                              the CPU count when only the local model writes
 * @param chatReserve           share of each provider's concurrency kept free for customer chat (default 0.05,
 *                              at least one slot)
 * @param constituentsDir       index constituent lists {@code <universe>.csv} (default: {@code constituents} under
 *                              {@code finassist.content.market-dir})
 * @param pollingInterval       how often idle workers look for due items (default 1s)
 * @param heartbeatInterval     how often a node marks its running items alive (default 30s)
 * @param missedHeartbeats      missed heartbeats after which another node (or this one restarted) takes an item
 *                              over (default 4, at least 4: db-scheduler's minimum)
 * @param deleteUnresolvedAfter drop tasks whose type no node knows after this long (default 14d)
 * @param newsKbIds             knowledge bases of news passages offered as possible factors (归因); empty (default) =
 *                              no attribution
 */
@ConfigurationProperties("finassist.content.commentary")
public record CommentaryProperties(Integer workers, Double chatReserve, Path constituentsDir, Duration pollingInterval,
                                   Duration heartbeatInterval, Integer missedHeartbeats,
                                   Duration deleteUnresolvedAfter, java.util.List<String> newsKbIds) {

    public CommentaryProperties {
        workers = workers == null ? 0 : workers;
        chatReserve = chatReserve == null ? 0.05 : chatReserve;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(1) : pollingInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(30) : heartbeatInterval;
        missedHeartbeats = missedHeartbeats == null ? 4 : missedHeartbeats;
        deleteUnresolvedAfter = deleteUnresolvedAfter == null ? Duration.ofDays(14) : deleteUnresolvedAfter;
        newsKbIds = newsKbIds == null ? java.util.List.of() : java.util.List.copyOf(newsKbIds);
        if (workers < 0 || !(chatReserve >= 0 && chatReserve < 1) || missedHeartbeats < 4) {
            throw new IllegalArgumentException("finassist.content.commentary: workers >= 0, chat-reserve in [0, 1), "
                    + "missed-heartbeats >= 4");
        }
    }
}
