-- Knowledge-base ingestion jobs: progress and per-file results, readable from any node behind the load balancer
-- and after a restart. The uploaded bytes stay with the node that runs the job.
CREATE TABLE kb_ingest_job (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    kb_id         VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    file_index    INT          NOT NULL,
    file_count    INT          NOT NULL,
    current_file  VARCHAR(500) NOT NULL,
    chunks_done   INT          NOT NULL,
    chunks_total  INT          NOT NULL,
    results       TEXT         NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL
);
CREATE INDEX kb_ingest_job_kb_idx ON kb_ingest_job (kb_id, started_at);
