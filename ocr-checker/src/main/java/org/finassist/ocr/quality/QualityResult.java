package org.finassist.ocr.quality;

/**
 * The outcome of one check: the measured value, the threshold it was held against, and, when it failed, what the
 * customer should do (Chinese); {@code guidance} is empty when the check passed.
 */
public record QualityResult(String check, Status status, double value, double threshold, String guidance) {

    public enum Status { PASS, FAIL, SKIPPED }

    static QualityResult pass(String check, double value, double threshold) {
        return new QualityResult(check, Status.PASS, value, threshold, "");
    }

    static QualityResult fail(String check, double value, double threshold, String guidance) {
        return new QualityResult(check, Status.FAIL, value, threshold, guidance);
    }

    static QualityResult skipped(String check) {
        return new QualityResult(check, Status.SKIPPED, Double.NaN, Double.NaN, "");
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
