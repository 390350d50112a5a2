-- AIGC commentary batches. scheduled_tasks is db-scheduler's own table (its PostgreSQL schema with VARCHAR keys so
-- the same DDL runs on H2): one row per pending task instance, picked and heart-beaten by the node running it.
CREATE TABLE scheduled_tasks (
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
    CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_time ON scheduled_tasks (priority, execution_time);

-- One row per run; b_* is the universe's breadth at planning time, which market-level articles cite.
CREATE TABLE commentary_run (
    run_id         VARCHAR(40)              NOT NULL,
    trade_date     DATE                     NOT NULL,
    universe       VARCHAR(64)              NOT NULL,
    types          VARCHAR(200)             NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    total          INT                      NOT NULL,
    b_traded       INT                      NOT NULL,
    b_advancers    INT                      NOT NULL,
    b_decliners    INT                      NOT NULL,
    b_unchanged    INT                      NOT NULL,
    b_limit_ups    INT                      NOT NULL,
    b_limit_downs  INT                      NOT NULL,
    b_opened       INT                      NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_commentary_run PRIMARY KEY (run_id)
);

-- One row per article a run asked for; status pending until the item task settles it.
CREATE TABLE commentary_run_item (
    run_id     VARCHAR(40)   NOT NULL,
    article_id VARCHAR(200)  NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    error      VARCHAR(1000),
    CONSTRAINT pk_commentary_run_item PRIMARY KEY (run_id, article_id)
);
CREATE INDEX ix_commentary_run_item_article ON commentary_run_item (article_id, status);

-- Finished (done or rejected) articles, keyed by their idempotent id (type/subject/date/template version).
CREATE TABLE commentary_article (
    article_id       VARCHAR(200)             NOT NULL,
    article_type     VARCHAR(16)              NOT NULL,
    subject          VARCHAR(16)              NOT NULL,
    trade_date       DATE                     NOT NULL,
    template_version VARCHAR(16)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    origin           VARCHAR(64)              NOT NULL,
    title            VARCHAR(400)             NOT NULL,
    model            VARCHAR(200),
    cost_cny         NUMERIC(16, 6)           NOT NULL,
    markdown         TEXT                     NOT NULL,
    json             TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_commentary_article PRIMARY KEY (article_id)
);
CREATE INDEX ix_commentary_article_date ON commentary_article (trade_date, article_type);
