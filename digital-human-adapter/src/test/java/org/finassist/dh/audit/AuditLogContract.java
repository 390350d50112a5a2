package org.finassist.dh.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AuditLog} promises: records come back in order exactly as chained, the chain verifies, and a
 * record that does not continue its session's chain (a gap, a replay, a forged previous hash) is refused and leaves
 * the chain as it was. Subclasses give a fresh, empty log per test.
 */
public abstract class AuditLogContract {

    /** A new empty log (a fresh schema for database logs). */
    protected abstract AuditLog log();

    private static List<AuditRecord> chain(String sessionId, int n) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < n; i++) {
            AuditRecord r = HashChain.next(sessionId, i, prev, 1_000L + i, i % 2 == 0 ? "prompt" : "answer",
                    i % 2 == 0 ? "system" : "customer", Map.of("step", "risk-" + i, "text", "第" + i + "句：是的"));
            records.add(r);
            prev = r.hash();
        }
        return records;
    }

    @Test
    void readsBackEveryRecordInOrderAsWrittenAndTheChainVerifies() {
        AuditLog log = log();
        List<AuditRecord> records = chain("s-1", 5);
        log.append(records.subList(0, 2));
        log.append(records.subList(2, 5));
        assertThat(log.read("s-1")).containsExactlyElementsOf(records);
        AuditVerification v = log.verify("s-1", 5);
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.records()).isEqualTo(5);
    }

    @Test
    void sessionsAreKeptApartAndAnUnknownSessionIsEmpty() {
        AuditLog log = log();
        List<AuditRecord> a = chain("s-a", 3);
        List<AuditRecord> b = chain("s-b", 2);
        List<AuditRecord> mixed = List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2));
        log.append(mixed);
        assertThat(log.read("s-a")).containsExactlyElementsOf(a);
        assertThat(log.read("s-b")).containsExactlyElementsOf(b);
        assertThat(log.read("s-none")).isEmpty();
    }

    @Test
    void recordsCutOffTheEndFailVerification() {
        AuditLog log = log();
        log.append(chain("s-1", 3));
        assertThat(log.verify("s-1", 4).valid()).as("the session says 4 records were written").isFalse();
    }

    @Test
    void aReplayedRecordIsRefused() {
        AuditLog log = log();
        List<AuditRecord> records = chain("s-1", 3);
        log.append(records);
        assertThatThrownBy(() -> log.append(List.of(records.get(2)))).isInstanceOf(RuntimeException.class);
        assertThat(log.read("s-1")).containsExactlyElementsOf(records);
    }

    @Test
    void aGapInTheChainIsRefused() {
        AuditLog log = log();
        List<AuditRecord> records = chain("s-1", 4);
        log.append(records.subList(0, 2));
        assertThatThrownBy(() -> log.append(List.of(records.get(3)))).isInstanceOf(RuntimeException.class);
        assertThat(log.read("s-1")).containsExactlyElementsOf(records.subList(0, 2));
    }

    @Test
    void aRecordThatDoesNotContinueTheHeadIsRefused() {
        AuditLog log = log();
        List<AuditRecord> records = chain("s-1", 2);
        log.append(records);
        AuditRecord forged = HashChain.next("s-1", 2, "f".repeat(64), 5_000L, "answer", "customer",
                Map.of("text", "不是"));
        assertThatThrownBy(() -> log.append(List.of(forged))).isInstanceOf(RuntimeException.class);
        AuditRecord firstWithoutGenesis = HashChain.next("s-2", 0, "e".repeat(64), 5_000L, "prompt", "system",
                Map.of());
        assertThatThrownBy(() -> log.append(List.of(firstWithoutGenesis))).isInstanceOf(RuntimeException.class);
        assertThat(log.read("s-1")).containsExactlyElementsOf(records);
        assertThat(log.read("s-2")).isEmpty();
        assertThat(log.verify("s-1", 2).valid()).isTrue();
    }
}
