package org.finassist.server.cluster;

import java.util.Optional;

/**
 * What one node tells the others. Each event names what changed; receivers reload it from the database. The wire
 * form ({@link #encode}) is {@code type|origin|argument}, well under PostgreSQL's 8000-byte payload limit.
 */
public sealed interface ClusterEvent {

    /** An API key was created or revoked: reload the active key hashes. */
    record ApiKeysChanged() implements ClusterEvent {
    }

    /** An operator account was created, disabled or had its roles changed: drop what is cached about it. */
    record OperatorChanged(String username) implements ClusterEvent {
    }

    /** A supervisor's decision is waiting in {@code dh_decision} for the node {@code targetNode}. */
    record DecisionPending(String targetNode) implements ClusterEvent {
    }

    /** A decision row changed state: the deciding node waiting on it reads it now instead of at its next poll. */
    record DecisionSettled(long decisionId) implements ClusterEvent {
    }

    /**
     * A digital-human runtime authenticated on some node: a node still holding an older connection of it closes
     * that one now (4001 superseded) instead of at its next claim renewal.
     */
    record RuntimeClaimed(String runtimeId) implements ClusterEvent {
    }

    /** Configuration {@code scope} was reloaded on some node: reload it here too. */
    record ConfigReloaded(String scope) implements ClusterEvent {
    }

    /**
     * Local only, never sent: the listening connection was lost and is back; notifications may have been missed in
     * between, so every cache fed by the bus should reload.
     */
    record Resync() implements ClusterEvent {
    }

    /** The payload of a {@code NOTIFY} sent by node {@code origin}. */
    static String encode(ClusterEvent event, String origin) {
        String arg = switch (event) {
            case ApiKeysChanged e -> "";
            case OperatorChanged e -> e.username();
            case DecisionPending e -> e.targetNode();
            case DecisionSettled e -> Long.toString(e.decisionId());
            case RuntimeClaimed e -> e.runtimeId();
            case ConfigReloaded e -> e.scope();
            case Resync e -> throw new IllegalArgumentException("Resync is local and never sent");
        };
        return type(event) + "|" + origin + "|" + arg;
    }

    /** The event and its origin node; empty for a payload this version does not know (a newer node's event). */
    static Optional<Received> decode(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split("\\|", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        String arg = parts[2];
        ClusterEvent event = switch (parts[0]) {
            case "keys" -> new ApiKeysChanged();
            case "operator" -> new OperatorChanged(arg);
            case "decision" -> new DecisionPending(arg);
            case "settled" -> arg.matches("\\d{1,18}") ? new DecisionSettled(Long.parseLong(arg)) : null;
            case "claimed" -> new RuntimeClaimed(arg);
            case "config" -> new ConfigReloaded(arg);
            default -> null;
        };
        return Optional.ofNullable(event).map(e -> new Received(e, parts[1]));
    }

    private static String type(ClusterEvent event) {
        return switch (event) {
            case ApiKeysChanged e -> "keys";
            case OperatorChanged e -> "operator";
            case DecisionPending e -> "decision";
            case DecisionSettled e -> "settled";
            case RuntimeClaimed e -> "claimed";
            case ConfigReloaded e -> "config";
            case Resync e -> "resync";
        };
    }

    /** A decoded notification. */
    record Received(ClusterEvent event, String origin) {
    }
}
