package org.finassist.server.opening;

import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.ocr.quality.QualityResult;

import java.util.Locale;

/**
 * Counts rejected ID photos by reason for the operations dashboard: {@code finassist.opening.idphoto.rejections}
 * tagged {@code reason} (a failed quality check such as {@code blur}, a finding code, or an intake error).
 * One photo may count under several reasons; {@code finassist.opening.idphoto.checks} counts photos by outcome.
 */
final class IdPhotoRejections {

    static final String REJECTIONS = "finassist.opening.idphoto.rejections";
    static final String CHECKS = "finassist.opening.idphoto.checks";

    private final MeterRegistry registry;

    IdPhotoRejections(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(IdPhotoReport report) {
        registry.counter(CHECKS, "outcome", report.accepted() ? "accepted" : "rejected").increment();
        if (report.accepted()) {
            return;
        }
        report.quality().stream().filter(QualityResult::failed).forEach(q -> reject(q.check()));
        report.findings().forEach(f -> reject(f.code().toLowerCase(Locale.ROOT)));
    }

    void record(IntakeException e) {
        registry.counter(CHECKS, "outcome", "refused").increment();
        reject("intake_" + e.error().name().toLowerCase(Locale.ROOT));
    }

    private void reject(String reason) {
        registry.counter(REJECTIONS, "reason", reason).increment();
    }
}
