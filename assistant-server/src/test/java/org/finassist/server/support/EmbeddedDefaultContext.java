package org.finassist.server.support;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shared Spring context of the tests of the embedded default as shipped: no provider configured (the local
 * model answers), H2 in PostgreSQL mode, Tesseract off so results do not depend on the machine, a witness runtime
 * token with fast heartbeats. Tests that share it must not depend on an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "finassist.ocr-checker.engine.tesseract=false",
        "finassist.digital-human-adapter.runtime-tokens.rt-h2=h2-token",
        "finassist.digital-human-adapter.heartbeat-seconds=1",
        "finassist.digital-human-adapter.missed-heartbeats=2"})
public abstract class EmbeddedDefaultContext {
}
