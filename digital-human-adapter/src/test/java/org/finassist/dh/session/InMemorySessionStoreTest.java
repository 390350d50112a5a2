package org.finassist.dh.session;

/** The session-store contract on the in-memory store of tests and single-node runs without a database. */
class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore store() {
        return new InMemorySessionStore();
    }
}
