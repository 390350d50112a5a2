package org.finassist.server.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The shared Spring context of the tests that read the demo knowledge base (ingested at start into a fresh index):
 * otherwise as {@link SharedServerContext}, kept apart because its FAQ answers would change what the other tests'
 * scripted upstreams are asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoKnowledgeBaseContext {

    @BeforeEach
    void resetUpstreams() {
        FakeUpstreams.resetAll();
    }

    @DynamicPropertySource
    static void demoKnowledgeBase(DynamicPropertyRegistry r) throws IOException {
        FakeUpstreams.register(r);
        String dir = Files.createTempDirectory("kb-index").toString();
        r.add("finassist.rag.index-dir", () -> dir);
        r.add("finassist.rag.demo", () -> "true");
    }
}
