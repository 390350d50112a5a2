-- Issue 16: db-scheduler's table for the retention job (same DDL as scheduled_tasks): kept apart so the job and
-- the commentary scheduler never see each other's executions as unknown tasks.
CREATE TABLE retention_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(200)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    CONSTRAINT pk_retention_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_retention_tasks_execution_time ON retention_tasks (execution_time);
