package org.finassist.dh.session;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;

import java.util.List;

/** The persisted state of a session: enough for any node to resume it. */
public record SessionSnapshot(String sessionId, String runtimeId, Applicant applicant, SessionStatus status,
                              int stepIndex, int attempts, int offScript, long lastSeq, long utterances, String awaiting,
                              long startedAtMillis, long stepStartedAtMillis, String escalation, boolean reviewed,
                              Outcome outcome, List<Flag> flags, List<TranscriptLine> transcript,
                              long auditRecords, String auditHead) {

    public SessionSnapshot {
        flags = List.copyOf(flags);
        transcript = List.copyOf(transcript);
    }
}
