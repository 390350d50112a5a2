package org.finassist.dh.session;

import java.time.Duration;

/**
 * Tunables of the engine. {@code maxReasks}: unclear answers re-asked per step before escalating;
 * {@code maxOffScript}: customer questions answered per step; {@code readAloudThreshold}: similarity needed;
 * {@code rejoinTimeout}: how long a session resumed at a reconnect waits for the runtime to rejoin (or leave) it
 * before it is ended as abandoned; {@code customerSilence}: how long an open question waits for an answer before
 * it is asked again (counted as an unclear answer, so silence escalates after {@code maxReasks}).
 */
public record EngineSettings(int maxReasks, int maxOffScript, int idSuffixLength, double readAloudThreshold,
                             int transcriptLines, Duration rejoinTimeout, Duration customerSilence) {

    public static EngineSettings defaults() {
        return new EngineSettings(2, 2, 6, 0.85, 12, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public EngineSettings(int maxReasks, int maxOffScript, int idSuffixLength, double readAloudThreshold,
                          int transcriptLines) {
        this(maxReasks, maxOffScript, idSuffixLength, readAloudThreshold, transcriptLines, Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    public EngineSettings {
        if (maxReasks < 0 || maxOffScript < 0 || idSuffixLength < 4 || transcriptLines < 1) {
            throw new IllegalArgumentException("invalid engine settings");
        }
        if (readAloudThreshold <= 0 || readAloudThreshold > 1) {
            throw new IllegalArgumentException("readAloudThreshold must be in (0, 1]");
        }
        if (rejoinTimeout.isNegative() || rejoinTimeout.isZero() || customerSilence.isNegative()
                || customerSilence.isZero()) {
            throw new IllegalArgumentException("rejoinTimeout and customerSilence must be positive");
        }
    }
}
