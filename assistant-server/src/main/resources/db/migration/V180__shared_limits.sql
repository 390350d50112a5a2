-- Issue 20: limits every node enforces together (server/limits). Used by the PostgreSQL backend only; created on
-- H2 too so one schema serves both.
-- Bucket4j's token buckets (requests / tokens per minute of provider accounts and virtual keys).
CREATE TABLE limits_bucket (
    id          VARCHAR(200) PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
-- Concurrency slots; a slot past expires_at no longer counts (its node died or forgot it).
CREATE TABLE limits_lease (
    id          VARCHAR(64) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    node        VARCHAR(100),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX limits_lease_name ON limits_lease (name);
-- Circuit state shared by the nodes: a provider one node found failing is skipped by all until open_until.
CREATE TABLE limits_circuit (
    name        VARCHAR(200) PRIMARY KEY,
    open_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    node        VARCHAR(100)
);
