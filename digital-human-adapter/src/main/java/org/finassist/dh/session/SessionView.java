package org.finassist.dh.session;

import org.finassist.dh.protocol.Outcome;

import java.util.List;

/** What the supervisor console shows of one session; personal data masked. */
public record SessionView(String sessionId, String runtimeId, String applicationId, String maskedName,
                          SessionStatus status, String stepId, int stepIndex, int steps, int attempts,
                          String escalation, Outcome outcome, boolean online, long startedAtMillis,
                          long stepStartedAtMillis, List<Flag> flags, List<TranscriptLine> transcript) {
}
