-- Account opening: the guide's step state per prospect (JSON snapshot of field values; never passwords or SMS
-- codes). Rows hold personal data and are purged after finassist.ocr-checker.session-retention.
CREATE TABLE opening_session (
    session_id        VARCHAR(64) NOT NULL,
    state             TEXT        NOT NULL,
    created_at_millis BIGINT      NOT NULL,
    updated_at_millis BIGINT      NOT NULL,
    CONSTRAINT pk_opening_session PRIMARY KEY (session_id)
);

CREATE INDEX ix_opening_session_updated ON opening_session (updated_at_millis);
