package org.finassist.ocr.intake;

import java.time.Duration;

/**
 * Limits applied before and during decoding. Defaults: 10 MiB, 40 megapixels, 12,000 px on the longer side, 200 px
 * on the shorter side (the text's height, not the image's, decides legibility later), 160 MB of raw samples, a
 * compressed-to-raw ratio of at most 1:250 (phone JPEGs are near 1:10, screenshots rarely beyond 1:100) and a
 * 3-second decode deadline.
 */
public record IntakeLimits(long maxBytes, long maxPixels, int maxSide, int minSide, long maxRawBytes,
                           int maxCompressionRatio, Duration decodeDeadline) {

    public IntakeLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0 || minSide <= 0 || minSide > maxSide
                || maxRawBytes <= 0 || maxCompressionRatio <= 0 || decodeDeadline.isNegative()
                || decodeDeadline.isZero()) {
            throw new IllegalArgumentException("intake limits must be positive and minSide <= maxSide");
        }
    }

    /** Size limits with the default decode budget. */
    public IntakeLimits(long maxBytes, long maxPixels, int maxSide, int minSide) {
        this(maxBytes, maxPixels, maxSide, minSide, 160_000_000L, 250, Duration.ofSeconds(3));
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(10L * 1024 * 1024, 40_000_000L, 12_000, 200);
    }
}
