package org.finassist.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's test material: red-team answers (each with the fragments that must never reach a customer) and
 * compliant answers (which must not be withheld), each optionally with the passage its turn is grounded in. Every
 * third entry is held out: tuned on {@code dev}, reported separately on {@code heldout}.
 */
public final class GateSets {

    /** One scripted model answer. {@code bad} is empty for a compliant one. */
    public record Entry(String id, String kind, String split, String text, List<String> bad, String passage) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GateSets() {
    }

    public static List<Entry> redTeam(String split) {
        return load("org/finassist/core/gate/redteam.jsonl", split);
    }

    public static List<Entry> compliant(String split) {
        return load("org/finassist/core/gate/compliant.jsonl", split);
    }

    private static List<Entry> load(String resource, String split) {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = GateSets.class.getClassLoader().getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                if (split != null && !split.equals(n.path("split").asText())) {
                    continue;
                }
                List<String> bad = new ArrayList<>();
                n.path("bad").forEach(b -> bad.add(b.asText()));
                out.add(new Entry(n.path("id").asText(), n.has("kind") ? n.path("kind").asText() : n.path("topic").asText(),
                        n.path("split").asText(), n.path("text").asText(), bad,
                        n.has("passage") ? n.path("passage").asText() : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
