package org.finassist.dh.session;

/**
 * Tunables of the engine. {@code maxReasks}: unclear answers re-asked per step before escalating;
 * {@code maxOffScript}: customer questions answered per step; {@code readAloudThreshold}: similarity needed.
 */
public record EngineSettings(int maxReasks, int maxOffScript, int idSuffixLength, double readAloudThreshold,
                             int transcriptLines) {

    public static EngineSettings defaults() {
        return new EngineSettings(2, 2, 6, 0.85, 12);
    }

    public EngineSettings {
        if (maxReasks < 0 || maxOffScript < 0 || idSuffixLength < 4 || transcriptLines < 1) {
            throw new IllegalArgumentException("invalid engine settings");
        }
        if (readAloudThreshold <= 0 || readAloudThreshold > 1) {
            throw new IllegalArgumentException("readAloudThreshold must be in (0, 1]");
        }
    }
}
