package org.finassist.core.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.chat.Passage;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

class ScratchTraceTest {
    static { System.setProperty("picker.trace", "true"); }
    @Test
    void trace() throws Exception {
        File f = new File("/tmp/cases2.json");
        if (!f.exists()) return;
        for (JsonNode c : new ObjectMapper().readTree(f)) {
            List<Passage> ps = new ArrayList<>();
            for (JsonNode p : c.get("cits")) {
                double sim = p.get("sim").asDouble();
                ps.add(new Passage(p.get("id").asText(), p.get("source").asText(), p.get("heading").asText(), p.get("text").asText(), p.get("score").asDouble(), sim < 0 ? Double.NaN : sim));
            }
            String q = c.get("q").asText();
            System.err.println("=== " + c.get("src").asText() + "\t" + c.get("ok").asText() + "\t" + q);
            System.err.println("PICK " + AnswerPicker.pick(q, ps).map(AnswerPicker.Pick::number).orElse(0));
        }
    }
}
