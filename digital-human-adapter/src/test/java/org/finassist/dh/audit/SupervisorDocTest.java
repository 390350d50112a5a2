package org.finassist.dh.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked audit example in docs/supervisor.md is what the server's own hash chain computes. */
class SupervisorDocTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(\\[.*?)\\n```", Pattern.DOTALL);

    @Test
    void theWorkedAuditExampleVerifies() throws IOException {
        Matcher m = JSON_BLOCK.matcher(Files.readString(doc()));
        assertThat(m.find()).as("a JSON array of audit records in docs/supervisor.md").isTrue();
        JsonNode records = new ObjectMapper().readTree(m.group(1));
        List<AuditRecord> chain = new ArrayList<>();
        long prevSeq = 0;
        String prevHash = HashChain.GENESIS;
        for (JsonNode r : records) {
            Map<String, String> data = new ObjectMapper().convertValue(r.get("data"), new TypeReference<>() {
            });
            AuditRecord recomputed = HashChain.next(r.get("sessionId").asText(), prevSeq, prevHash,
                    r.get("atMillis").asLong(), r.get("kind").asText(), r.get("actor").asText(), data);
            assertThat(recomputed.hash()).as("record " + r.get("seq")).isEqualTo(r.get("hash").asText());
            assertThat(recomputed.prevHash()).isEqualTo(r.get("prevHash").asText());
            chain.add(recomputed);
            prevSeq = recomputed.seq();
            prevHash = recomputed.hash();
        }
        assertThat(HashChain.verify("wit-20261124-0001", chain, 2).valid()).isTrue();
    }

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/supervisor.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/supervisor.md above the module").isNotNull();
        return dir.resolve("docs/supervisor.md");
    }
}
