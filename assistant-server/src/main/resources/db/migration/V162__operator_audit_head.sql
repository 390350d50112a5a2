-- Issue 16: the operator audit chain's head, one row. Appending locks it (SELECT ... FOR UPDATE) in the same
-- transaction as the insert, so appends from several nodes are serialised and the chain stays linear; a JVM lock
-- alone let two nodes read the same previous mac and fork the chain.
CREATE TABLE operator_audit_head (
    id   INTEGER     PRIMARY KEY,
    mac  VARCHAR(64) NOT NULL
);
INSERT INTO operator_audit_head (id, mac)
SELECT 1, COALESCE((SELECT mac FROM operator_audit ORDER BY id DESC LIMIT 1),
                   '0000000000000000000000000000000000000000000000000000000000000000');
