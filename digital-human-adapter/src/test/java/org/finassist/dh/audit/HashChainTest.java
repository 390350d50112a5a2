package org.finassist.dh.audit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private final InMemoryAuditLog log = new InMemoryAuditLog();

    private void fill() {
        String head = HashChain.GENESIS;
        for (int i = 0; i < 5; i++) {
            AuditRecord r = HashChain.next("s", i, head, 1000L + i, "asr.final", "runtime:r",
                    Map.of("text", "answer " + i, "seq", Integer.toString(i)));
            log.append(java.util.List.of(r));
            head = r.hash();
        }
    }

    @Test
    void aRecordThatDoesNotContinueTheChainIsRefused() {
        fill();
        AuditRecord fork = HashChain.next("s", 3, "f".repeat(64), 1, "k", "a", Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append(java.util.List.of(fork)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(log.read("s")).hasSize(5);
    }

    @Test
    void intactChainVerifies() {
        fill();
        assertThat(log.verify("s", 5)).isEqualTo(new AuditVerification("s", true, 5, 0, null));
        assertThat(log.read("s").get(1).prevHash()).isEqualTo(log.read("s").get(0).hash());
        assertThat(log.read("s").get(0).prevHash()).isEqualTo(HashChain.GENESIS);
    }

    @Test
    void alteredContentIsDetectedAtThatRecord() {
        fill();
        AuditRecord r = log.read("s").get(2);
        Map<String, String> forged = new HashMap<>(r.data());
        forged.put("text", "forged");
        log.tamper(new AuditRecord(r.sessionId(), r.seq(), r.atMillis(), r.kind(), r.actor(), forged, r.prevHash(),
                r.hash()));
        AuditVerification v = log.verify("s", 5);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void rehashedForgeryBreaksTheNextLink() {
        fill();
        AuditRecord r = log.read("s").get(2);
        AuditRecord forged = HashChain.next("s", 2, r.prevHash(), r.atMillis(), r.kind(), r.actor(),
                Map.of("text", "forged"));
        log.tamper(forged);
        AuditVerification v = log.verify("s", 5);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(4);
    }

    @Test
    void recordsCutOffTheEndAreDetectedAgainstTheExpectedCount() {
        fill();
        assertThat(log.verify("s", 6).valid()).isFalse();
        assertThat(log.verify("s", -1).valid()).isTrue();
    }

    @Test
    void dataOrderDoesNotChangeTheHash() {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("x", "1");
        a.put("y", "2");
        Map<String, String> b = new java.util.LinkedHashMap<>();
        b.put("y", "2");
        b.put("x", "1");
        assertThat(HashChain.next("s", 0, HashChain.GENESIS, 1, "k", "a", a).hash())
                .isEqualTo(HashChain.next("s", 0, HashChain.GENESIS, 1, "k", "a", b).hash());
        assertThat(HashChain.parse(HashChain.canonical(a))).isEqualTo(a);
    }
}
