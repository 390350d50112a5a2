-- Digital-human video witnessing: hash-chained audit trail and resumable session state.
CREATE TABLE dh_audit_record (
    session_id  VARCHAR(100) NOT NULL,
    seq         BIGINT       NOT NULL,
    at_millis   BIGINT       NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    actor       VARCHAR(140) NOT NULL,
    payload     TEXT         NOT NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    record_hash VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_dh_audit_record PRIMARY KEY (session_id, seq)
);

CREATE TABLE dh_session (
    session_id        VARCHAR(100) NOT NULL,
    runtime_id        VARCHAR(100) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    state             TEXT         NOT NULL,
    updated_at_millis BIGINT       NOT NULL,
    CONSTRAINT pk_dh_session PRIMARY KEY (session_id)
);

CREATE INDEX ix_dh_session_runtime ON dh_session (runtime_id, status);
