package org.finassist.server.witness;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditLogContract;
import org.finassist.server.security.ColumnCipher;
import org.finassist.server.support.TestDatabases;

/** The audit-log contract on the JDBC log over H2, the embedded default's database. */
class JdbcAuditLogH2Test extends AuditLogContract {

    @Override
    protected AuditLog log() {
        var jdbc = TestDatabases.h2("foundation_audit");
        jdbc.update("DELETE FROM dh_audit_record");
        return new JdbcAuditLog(jdbc, new ColumnCipher(new byte[32]));
    }
}
