package org.finassist.dh.session;

import org.finassist.dh.audit.HashChain;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SessionStore} promises: the stored state reads back whole, a save over a version that moved on
 * is refused, open and ended sessions are listed in the documented order, and ownership follows claims, releases and
 * renewals. Subclasses give a fresh, empty store per test whose clock moves forward between saves.
 */
public abstract class SessionStoreContract {

    /** A new empty store (a fresh schema for database stores). */
    protected abstract SessionStore store();

    protected static SessionSnapshot snapshot(String sessionId, String runtimeId, SessionStatus status,
                                              long startedAtMillis, int stepIndex) {
        return new SessionSnapshot(sessionId, runtimeId,
                new Applicant("A-" + sessionId, "张三", "110101199001011234", "示例证券", "示例基金"), status,
                startedAtMillis,
                new SessionSnapshot.Progress(stepIndex, 1, 0, "answer", startedAtMillis + 500,
                        status == SessionStatus.ESCALATED ? "after 3 attempts" : null, false,
                        status == SessionStatus.ENDED ? Outcome.PASSED : null),
                new SessionSnapshot.Speech(7, 3, List.of(new SessionSnapshot.RecentFinal(7, "ab12cd"))),
                new SessionSnapshot.Findings(List.of(new Flag("silence", "8 s", startedAtMillis + 100)),
                        List.of(new TranscriptLine(startedAtMillis + 200, "customer", "是的，我已知晓风险"))),
                new SessionSnapshot.AuditTrail(4, HashChain.GENESIS.replace('0', 'a')), 0);
    }

    @Test
    void theStoredStateReadsBackWholeAtItsNewVersion() {
        SessionStore store = store();
        SessionSnapshot s = snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 2);
        assertThat(store.save(s)).isEqualTo(1);
        assertThat(store.load("s-1")).contains(s.atVersion(1));
        assertThat(store.load("s-unknown")).isEmpty();
    }

    @Test
    void aSaveAtTheStoredVersionReplacesItAndAStaleSaveIsRefused() {
        SessionStore store = store();
        store.save(snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 0));
        SessionSnapshot next = snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 1).atVersion(1);
        assertThat(store.save(next)).isEqualTo(2);
        SessionSnapshot stale = snapshot("s-1", "rt-1", SessionStatus.ESCALATED, 1_000, 5).atVersion(1);
        assertThatThrownBy(() -> store.save(stale)).isInstanceOf(StaleSessionException.class);
        assertThatThrownBy(() -> store.save(snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 0)))
                .as("a second insert of the same session").isInstanceOf(StaleSessionException.class);
        SessionSnapshot stored = store.load("s-1").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.progress().stepIndex()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(SessionStatus.ACTIVE);
    }

    @Test
    void unfinishedListsTheRuntimesSessionsThatHaveNotEnded() {
        SessionStore store = store();
        store.save(snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 0));
        store.save(snapshot("s-2", "rt-1", SessionStatus.ENDED, 2_000, 11));
        store.save(snapshot("s-3", "rt-1", SessionStatus.ESCALATED, 3_000, 4));
        store.save(snapshot("s-4", "rt-2", SessionStatus.ACTIVE, 4_000, 0));
        assertThat(store.unfinished("rt-1")).extracting(SessionSnapshot::sessionId)
                .containsExactlyInAnyOrder("s-1", "s-3");
        assertThat(store.unfinished("rt-9")).isEmpty();
    }

    @Test
    void openListsEscalatedFirstThenOldestAndHonoursTheLimit() {
        SessionStore store = store();
        store.save(snapshot("s-new", "rt-1", SessionStatus.ACTIVE, 3_000, 0));
        store.save(snapshot("s-old", "rt-2", SessionStatus.TAKEN_OVER, 1_000, 0));
        store.save(snapshot("s-esc", "rt-3", SessionStatus.ESCALATED, 5_000, 0));
        store.save(snapshot("s-end", "rt-1", SessionStatus.ENDED, 500, 11));
        assertThat(store.open(10)).extracting(o -> o.snapshot().sessionId())
                .containsExactly("s-esc", "s-old", "s-new");
        assertThat(store.open(2)).extracting(o -> o.snapshot().sessionId()).containsExactly("s-esc", "s-old");
    }

    @Test
    void recentlyEndedListsEndedSessionsNewestFirst() {
        SessionStore store = store();
        store.save(snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 0));
        store.save(snapshot("s-2", "rt-1", SessionStatus.ACTIVE, 2_000, 0));
        store.save(snapshot("s-3", "rt-1", SessionStatus.ACTIVE, 3_000, 0));
        store.save(snapshot("s-2", "rt-1", SessionStatus.ENDED, 2_000, 11).atVersion(1));
        store.save(snapshot("s-1", "rt-1", SessionStatus.ENDED, 1_000, 11).atVersion(1));
        assertThat(store.recentlyEnded(10)).extracting(o -> o.snapshot().sessionId()).containsExactly("s-1", "s-2");
        assertThat(store.recentlyEnded(1)).extracting(o -> o.snapshot().sessionId()).containsExactly("s-1");
    }

    @Test
    void ownershipFollowsClaimsReleasesAndRenewals() {
        SessionStore store = store();
        store.save(snapshot("s-1", "rt-1", SessionStatus.ACTIVE, 1_000, 0));
        store.save(snapshot("s-2", "rt-2", SessionStatus.ACTIVE, 1_000, 0));
        store.claim("rt-1", "node-b", 10_000);
        assertThat(store.owner("s-1", 9_000)).contains("node-b");
        assertThat(store.owner("s-1", 11_000)).as("a claim older than asked for").isEmpty();
        assertThat(store.runtimeOwner("rt-1")).contains("node-b");
        assertThat(store.open(10)).filteredOn(o -> o.snapshot().sessionId().equals("s-1"))
                .singleElement().satisfies(o -> assertThat(o.ownerNode()).isEqualTo("node-b"));

        store.renew("node-b", 20_000);
        assertThat(store.owner("s-1", 15_000)).as("renewed").contains("node-b");

        store.release("rt-1", "node-c");
        assertThat(store.owner("s-1", 15_000)).as("another node's release changes nothing").contains("node-b");
        store.claim("rt-1", "node-c", 30_000);
        assertThat(store.owner("s-1", 25_000)).as("moved to the node that claimed last").contains("node-c");
        store.release("rt-1", "node-c");
        assertThat(store.owner("s-1", 0)).isEmpty();
        assertThat(store.runtimeOwner("rt-1")).isEmpty();
    }
}
