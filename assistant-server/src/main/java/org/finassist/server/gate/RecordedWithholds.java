package org.finassist.server.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.core.gate.Withhold;
import org.finassist.core.gate.WithholdListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

/**
 * Counts each withheld sentence in {@code finassist.answer.withheld} (tags route, rule, stage) and stores it in
 * {@code answer_withholds}: route, provider, model, rule and the text's hash; the text itself is never kept or logged
 * (a model may have repeated the customer's personal data).
 */
final class RecordedWithholds implements WithholdListener {

    private static final Logger log = LoggerFactory.getLogger(RecordedWithholds.class);

    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    RecordedWithholds(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public void withheld(Withhold w) {
        Counter.builder("finassist.answer.withheld").description("Sentences kept from a customer by the answer gate")
                .tag("route", w.route() == null ? "none" : w.route()).tag("rule", w.rule()).tag("stage", w.stage())
                .register(registry).increment();
        log.info("Withheld a sentence on route {} from {}:{} ({} stage, rule {}, sha256 {})", w.route(), w.provider(),
                w.model(), w.stage(), w.rule(), w.textHash());
        try {
            jdbc.sql("INSERT INTO answer_withholds (route, provider, model, stage, rule, text_hash, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(w.route() == null ? "none" : w.route(), w.provider(), w.model(), w.stage(), w.rule(),
                            w.textHash(), OffsetDateTime.now())
                    .update();
        } catch (RuntimeException e) {
            // the customer's answer must not fail because the audit row could not be written; the meter still counts
            log.warn("Could not store a withhold record: {}", e.toString());
        }
    }
}
