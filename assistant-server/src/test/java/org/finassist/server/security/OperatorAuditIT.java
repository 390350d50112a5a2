package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' changes and views of personal data land in the HMAC-chained audit trail; a database writer who edits
 * or removes a row, or re-signs the chain with another key, is caught by verify.
 */
class OperatorAuditIT extends SecuredServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OperatorAudit audit;

    @Test
    void changesAndViewsAreChainedAndTamperingIsDetected() throws Exception {
        Identities ids = Identities.create(base(), "-audit");
        String auditor = ids.headers(Grantee.AUDITOR)[1];
        String kbAdmin = ids.headers(Grantee.KB_ADMIN)[1];
        assertThat(Http.get(base() + "/api/chat/feedback", "Authorization", kbAdmin).statusCode()).isEqualTo(200);
        Http.postJson(base() + "/api/kb", "{\"id\":\"audit-kb\",\"name\":\"审计\"}", "Authorization", kbAdmin);

        JsonNode trail = JSON.readTree(Http.get(base() + "/api/audit?limit=50", "Authorization", auditor).body());
        assertThat(trail.toString()).contains("operator:admin").contains("/admin/operators")
                .contains("operator:op-kb-admin-audit").contains("/api/chat/feedback").contains("/api/kb");
        assertThat(verify(auditor).path("valid").asBoolean()).isTrue();

        long victim = jdbc.sql("SELECT MIN(id) FROM operator_audit WHERE target = '/api/kb'").query(Long.class).single();
        jdbc.sql("UPDATE operator_audit SET actor = 'operator:someone-else' WHERE id = ?").param(victim).update();
        JsonNode edited = verify(auditor);
        assertThat(edited.path("valid").asBoolean()).isFalse();
        assertThat(edited.path("brokenAt").asLong()).isEqualTo(victim);
        jdbc.sql("UPDATE operator_audit SET actor = 'operator:op-kb-admin-audit' WHERE id = ?").param(victim).update();
        assertThat(verify(auditor).path("valid").asBoolean()).isTrue();

        assertThat(new OperatorAudit(jdbc, "another key".getBytes(StandardCharsets.UTF_8), null).verify().valid())
                .as("a chain checked with another key").isFalse();

        long middle = jdbc.sql("SELECT MIN(id) FROM operator_audit WHERE target = '/api/chat/feedback'")
                .query(Long.class).single();
        jdbc.sql("DELETE FROM operator_audit WHERE id = ?").param(middle).update();
        assertThat(verify(auditor).path("valid").asBoolean()).as("a removed row").isFalse();
        assertThat(Http.get(base() + "/api/audit/verify", "Authorization", kbAdmin).statusCode()).isEqualTo(403);
    }

    private JsonNode verify(String auditor) throws Exception {
        return JSON.readTree(Http.get(base() + "/api/audit/verify", "Authorization", auditor).body());
    }
}
