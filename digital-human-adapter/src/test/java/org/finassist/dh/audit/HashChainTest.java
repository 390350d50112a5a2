package org.finassist.dh.audit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private final InMemoryAuditLog log = new InMemoryAuditLog(Clock.systemUTC());

    private void fill() {
        for (int i = 0; i < 5; i++) {
            log.append("s", "asr.final", "runtime:r", Map.of("text", "answer " + i, "seq", Integer.toString(i)));
        }
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
