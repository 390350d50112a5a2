package org.finassist.server.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code finassist.cluster.*}: several nodes on one PostgreSQL (README "Running several nodes").
 *
 * @param channel          the {@code LISTEN/NOTIFY} channel of this deployment (two deployments on one database
 *                         need two channels); default {@code finassist_cluster}
 * @param snapshotEvery    how often a node writes its counters to {@code ops_node_snapshot} (default 10 s): the
 *                         cluster-wide ops figures lag by at most this much
 * @param liveWithin       a node whose last snapshot is older than this is not live (default 30 s): its gauges
 *                         leave the summary (its counted totals stay)
 * @param snapshotKeep     how long snapshots are kept for the history (default 1 h); the last snapshot of every node
 *                         run is kept longer so that cluster totals never go down
 * @param jobHeartbeat     how often a node renews the heartbeat of the ingest jobs it runs (default 5 s)
 * @param jobDeadAfter     an ingest job whose owner has not renewed it for this long is failed by another node
 *                         (default 30 s)
 */
@ConfigurationProperties("finassist.cluster")
public record ClusterProperties(@DefaultValue("finassist_cluster") String channel,
                                @DefaultValue("10s") Duration snapshotEvery,
                                @DefaultValue("30s") Duration liveWithin,
                                @DefaultValue("1h") Duration snapshotKeep,
                                @DefaultValue("5s") Duration jobHeartbeat,
                                @DefaultValue("30s") Duration jobDeadAfter) {
}
