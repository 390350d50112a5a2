package org.finassist.server.witness;

import org.finassist.dh.session.SessionStore;
import org.finassist.dh.session.SessionStoreContract;
import org.finassist.server.support.TestDatabases;

/** The session-store contract on the JDBC store over PostgreSQL ({@code FINASSIST_TEST_PG_URL}; skipped if absent). */
class JdbcSessionStorePgIT extends SessionStoreContract {

    @Override
    protected SessionStore store() {
        return JdbcSessionStoreH2Test.fresh(TestDatabases.postgres("foundation_contracts"));
    }
}
