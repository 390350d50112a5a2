package org.finassist.dh.audit;

/** The audit-log contract on the in-memory log of tests and the simulator. */
class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected AuditLog log() {
        return new InMemoryAuditLog();
    }
}
