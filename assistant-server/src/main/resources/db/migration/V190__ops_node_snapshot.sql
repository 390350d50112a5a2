-- Ops figures across nodes (issue 20): every node writes its cumulative counters (since its start) here every few
-- seconds; /api/ops/summary and /api/ops/history are computed from these rows on any node, so they agree.
-- started_at_millis tells a restarted node (counters from zero) from a running one.
CREATE TABLE ops_node_snapshot (
    node_id           VARCHAR(100) NOT NULL,
    taken_at_millis   BIGINT       NOT NULL,
    started_at_millis BIGINT       NOT NULL,
    figures           TEXT         NOT NULL,
    CONSTRAINT pk_ops_node_snapshot PRIMARY KEY (node_id, taken_at_millis)
);
CREATE INDEX ix_ops_node_snapshot_taken ON ops_node_snapshot (taken_at_millis);
