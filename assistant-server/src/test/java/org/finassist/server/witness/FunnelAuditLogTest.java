package org.finassist.server.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.HashChain;
import org.finassist.dh.audit.InMemoryAuditLog;
import org.finassist.server.funnel.Arm;
import org.finassist.server.funnel.FunnelEvent;
import org.finassist.server.funnel.FunnelRecorder;
import org.junit.jupiter.api.Test;

/** Witness outcomes reach the opening funnel under the opening session's id, and the trail is passed through. */
class FunnelAuditLogTest {

    private final List<String> told = new CopyOnWriteArrayList<>();
    private final FunnelRecorder funnel = new FunnelRecorder() {
        @Override
        public Arm start(String sessionId, String channel) {
            return Arm.GUIDED;
        }

        @Override
        public Arm arm(String sessionId) {
            return Arm.GUIDED;
        }

        @Override
        public void record(String sessionId, FunnelEvent event) {
            told.add(sessionId + " " + event.kind().code() + " " + event.reason());
        }
    };

    private static List<AuditRecord> chain(String session, List<Object[]> kindsAndData) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = HashChain.GENESIS;
        long seq = 0;
        for (Object[] k : kindsAndData) {
            @SuppressWarnings("unchecked")
            AuditRecord r = HashChain.next(session, seq, prev, 1000 + seq, (String) k[0], "engine", (Map<String, String>) k[1]);
            out.add(r);
            prev = r.hash();
            seq = r.seq();
        }
        return out;
    }

    @Test
    void escalationsAndEndsAreToldUnderTheApplicationId() throws Exception {
        InMemoryAuditLog trail = new InMemoryAuditLog();
        AuditLog log = FunnelAuditLog.wrap(trail, funnel);
        List<AuditRecord> a = chain("w-1", List.of(new Object[] {"session.joined", Map.of("applicationId", "open-1")},
                new Object[] {"check", Map.of("step", "identity")},
                new Object[] {"escalated", Map.of("step", "identity", "reason", "face_missing reported by the runtime")},
                new Object[] {"session.ended", Map.of("outcome", "passed", "reason", "approved")}));
        log.append(a.subList(0, 2));
        log.append(a.subList(2, 4));
        List<AuditRecord> b = chain("w-2", List.of(new Object[] {"session.joined", Map.of("applicationId", "open-2")},
                new Object[] {"session.ended", Map.of("outcome", "abandoned", "reason", "customer left")}));
        log.append(b);
        long deadline = System.currentTimeMillis() + 5000;
        while (told.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(told).containsExactly("open-1 witness_escalated witness.face_missing", "open-1 witness_passed null",
                "open-2 witness_failed witness.abandoned");
        assertThat(log.read("w-1")).hasSize(4);
        assertThat(trail.read("w-2")).hasSize(2);
    }

    @Test
    void withoutAFunnelTheTrailIsNotWrapped() {
        InMemoryAuditLog trail = new InMemoryAuditLog();
        assertThat(FunnelAuditLog.wrap(trail, FunnelRecorder.NONE)).isSameAs(trail);
    }
}
