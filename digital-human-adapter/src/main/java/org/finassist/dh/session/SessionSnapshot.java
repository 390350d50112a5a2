package org.finassist.dh.session;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;

import java.util.List;

/**
 * The persisted state of a session: enough for any node to resume it. {@code version} is the stored row's
 * version this state was read at (0 before the first save): a save over a newer version is refused, so a node
 * never writes over what another node did with the session meanwhile. {@code recentFinals} tells a resend of an
 * acknowledged {@code asr.final} (same seq, same text) from a runtime whose numbering went backwards.
 */
public record SessionSnapshot(String sessionId, String runtimeId, Applicant applicant, SessionStatus status,
                              int stepIndex, int attempts, int offScript, long lastSeq, long utterances, String awaiting,
                              long startedAtMillis, long stepStartedAtMillis, String escalation, boolean reviewed,
                              Outcome outcome, List<Flag> flags, List<TranscriptLine> transcript,
                              long auditRecords, String auditHead, List<RecentFinal> recentFinals, long version) {

    public SessionSnapshot {
        flags = List.copyOf(flags);
        transcript = List.copyOf(transcript);
        // rows written before protocol 1.1 have no recent finals
        recentFinals = recentFinals == null ? List.of() : List.copyOf(recentFinals);
    }

    /** The same state as read at another stored version. */
    public SessionSnapshot atVersion(long newVersion) {
        return new SessionSnapshot(sessionId, runtimeId, applicant, status, stepIndex, attempts, offScript, lastSeq,
                utterances, awaiting, startedAtMillis, stepStartedAtMillis, escalation, reviewed, outcome, flags,
                transcript, auditRecords, auditHead, recentFinals, newVersion);
    }

    /** An acknowledged {@code asr.final}: its seq and a digest of its text. */
    public record RecentFinal(long seq, String textDigest) {
    }
}
