package org.finassist.ocr.intake;

/**
 * Limits applied before decoding. Defaults: 10 MiB, 40 megapixels, 12,000 px on the longer side, 480 px on the
 * shorter side.
 */
public record IntakeLimits(long maxBytes, long maxPixels, int maxSide, int minSide) {

    public IntakeLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0 || minSide <= 0 || minSide > maxSide) {
            throw new IllegalArgumentException("intake limits must be positive and minSide <= maxSide");
        }
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(10L * 1024 * 1024, 40_000_000L, 12_000, 480);
    }
}
