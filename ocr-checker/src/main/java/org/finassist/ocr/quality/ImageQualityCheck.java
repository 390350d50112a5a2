package org.finassist.ocr.quality;

/**
 * One measurable property of an ID photo with a configured threshold. Implementations are stateless and
 * thread-safe; a check that cannot measure anything without a located card returns
 * {@link QualityResult.Status#SKIPPED}.
 */
public interface ImageQualityCheck {

    /** Stable name used in results and configuration, e.g. {@code blur}. */
    String name();

    QualityResult check(CardView view);
}
