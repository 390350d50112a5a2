-- Ingest jobs owned with heartbeats (issue 20): the node running a job renews heartbeat_millis every few seconds;
-- a RUNNING job whose owner has been silent for finassist.cluster.job-dead-after is marked INTERRUPTED by any
-- other node (the uploaded bytes were on the dead node, so nobody else can take it over). A node's start no longer
-- marks other nodes' live jobs INTERRUPTED: only its own (same node id) from before its restart.
ALTER TABLE kb_ingest_job ADD COLUMN owner_node VARCHAR(100);
ALTER TABLE kb_ingest_job ADD COLUMN heartbeat_millis BIGINT;
CREATE INDEX kb_ingest_job_state_idx ON kb_ingest_job (state, heartbeat_millis);
