package org.finassist.dh.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The grouped snapshot is stored as the same flat JSON object it was before grouping (rows already stored read back). */
class SessionSnapshotJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final SessionSnapshot SNAPSHOT = new SessionSnapshot("s-1", "rt-1",
            new Applicant("A1", "张三", "110101199001011234", "broker", "product"), SessionStatus.ESCALATED, 1000,
            new SessionSnapshot.Progress(3, 2, 1, "answer", 2000, "after 3 attempts", true, Outcome.PASSED),
            new SessionSnapshot.Speech(41, 17, List.of(new SessionSnapshot.RecentFinal(41, "ab12"))),
            new SessionSnapshot.Findings(List.of(new Flag("silence", "8 s", 1500)),
                    List.of(new TranscriptLine(1200, "customer", "是的"))),
            new SessionSnapshot.AuditTrail(9, "head"), 5);

    @Test
    void groupsAreFlatInJsonAndReadBack() throws Exception {
        String json = JSON.writeValueAsString(SNAPSHOT);
        JsonNode node = JSON.readTree(json);
        assertThat(node.has("progress") || node.has("speech") || node.has("findings") || node.has("audit")).isFalse();
        assertThat(node.path("stepIndex").asInt()).isEqualTo(3);
        assertThat(node.path("lastSeq").asLong()).isEqualTo(41);
        assertThat(node.path("auditHead").asText()).isEqualTo("head");
        assertThat(node.path("transcript").get(0).path("text").asText()).isEqualTo("是的");
        assertThat(JSON.readValue(json, SessionSnapshot.class)).isEqualTo(SNAPSHOT);
    }

    @Test
    void aRowStoredBeforeGroupingAndBeforeProtocol11ReadsBack() throws Exception {
        String flat = """
                {"sessionId":"s-1","runtimeId":"rt-1","applicant":{"applicationId":"A1","name":"张三",
                 "idNumber":"110101199001011234","broker":"broker","product":"product"},"status":"ACTIVE",
                 "stepIndex":4,"attempts":1,"offScript":0,"lastSeq":12,"utterances":6,"awaiting":null,
                 "startedAtMillis":1000,"stepStartedAtMillis":3000,"escalation":null,"reviewed":false,"outcome":null,
                 "flags":[],"transcript":[],"auditRecords":7,"auditHead":"h7","version":2}""";
        SessionSnapshot s = JSON.readValue(flat, SessionSnapshot.class);
        assertThat(s.progress().stepIndex()).isEqualTo(4);
        assertThat(s.progress().stepStartedAtMillis()).isEqualTo(3000);
        assertThat(s.speech().lastSeq()).isEqualTo(12);
        assertThat(s.speech().recentFinals()).isEmpty();
        assertThat(s.audit()).isEqualTo(new SessionSnapshot.AuditTrail(7, "h7"));
        assertThat(s.startedAtMillis()).isEqualTo(1000);
    }
}
