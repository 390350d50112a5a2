-- Knowledge bases (their documents and chunks live in the knowledge store: Lucene on disk or pgvector tables).
CREATE TABLE kb_knowledge_base (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMP    NOT NULL
);
