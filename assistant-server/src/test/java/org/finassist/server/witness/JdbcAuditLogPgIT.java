package org.finassist.server.witness;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditLogContract;
import org.finassist.server.security.ColumnCipher;
import org.finassist.server.support.TestDatabases;

/** The audit-log contract on the JDBC log over PostgreSQL ({@code FINASSIST_TEST_PG_URL}; skipped if absent). */
class JdbcAuditLogPgIT extends AuditLogContract {

    @Override
    protected AuditLog log() {
        var jdbc = TestDatabases.postgres("foundation_contracts");
        jdbc.update("DELETE FROM dh_audit_record");
        return new JdbcAuditLog(jdbc, new ColumnCipher(new byte[32]));
    }
}
