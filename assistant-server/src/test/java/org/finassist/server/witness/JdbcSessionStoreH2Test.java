package org.finassist.server.witness;

import org.finassist.dh.session.SessionStore;
import org.finassist.dh.session.SessionStoreContract;
import org.finassist.server.security.ColumnCipher;
import org.finassist.server.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The session-store contract on the JDBC store over H2, the embedded default's database. */
class JdbcSessionStoreH2Test extends SessionStoreContract {

    @Override
    protected SessionStore store() {
        return fresh(TestDatabases.h2("foundation_sessions"));
    }

    /** Empties the session tables; the store's clock moves one millisecond per read, so saves are ordered. */
    static SessionStore fresh(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM dh_session");
        jdbc.update("DELETE FROM dh_node");
        AtomicLong millis = new AtomicLong(1_700_000_000_000L);
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.incrementAndGet());
            }
        };
        return new JdbcSessionStore(jdbc, ticking, "node-a", new ColumnCipher(new byte[32]));
    }
}
