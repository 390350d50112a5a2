package org.finassist.ocr.synth;

/** How a synthetic photo is spoiled; {@link #bad} ones must be rejected by the quality checks. */
public enum Degradation {
    CLEAN(false),
    JPEG(false),
    NOISE(false),
    SLIGHT_BLUR(false),
    SLIGHT_ROTATION(false),
    DIM(false),
    SKEW(false),
    BLUR(true),
    MOTION_BLUR(true),
    DARK(true),
    OVEREXPOSED(true),
    GLARE(true),
    TILT(true),
    CUT_OFF(true),
    SMALL(true);

    private final boolean bad;

    Degradation(boolean bad) {
        this.bad = bad;
    }

    public boolean bad() {
        return bad;
    }
}
