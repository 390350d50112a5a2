package org.finassist.dh.session;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;

import java.util.List;

/**
 * The persisted state of a session: enough for any node to resume it. {@code version} is the stored row's
 * version this state was read at (0 before the first save): a save over a newer version is refused, so a node
 * never writes over what another node did with the session meanwhile. {@code recentFinals} tells a resend of an
 * acknowledged {@code asr.final} (same seq, same text) from a runtime whose numbering went backwards.
 *
 * <p>The groups are unwrapped in JSON: a stored row keeps one flat object, as before they were grouped.
 */
public record SessionSnapshot(String sessionId, String runtimeId, Applicant applicant, SessionStatus status,
                              long startedAtMillis, @JsonUnwrapped Progress progress, @JsonUnwrapped Speech speech,
                              @JsonUnwrapped Findings findings, @JsonUnwrapped AuditTrail audit, long version) {

    /** The same state as read at another stored version. */
    public SessionSnapshot atVersion(long newVersion) {
        return new SessionSnapshot(sessionId, runtimeId, applicant, status, startedAtMillis, progress, speech,
                findings, audit, newVersion);
    }

    /**
     * Where the script stands.
     *
     * @param awaiting   what the session waits for from the runtime, or {@code null}
     * @param escalation why a supervisor was called, or {@code null}
     * @param outcome    the final outcome, or {@code null} while running
     */
    public record Progress(int stepIndex, int attempts, int offScript, String awaiting, long stepStartedAtMillis,
                           String escalation, boolean reviewed, Outcome outcome) {
    }

    /**
     * The runtime's speech input so far.
     *
     * @param lastSeq      the last acknowledged frame sequence number
     * @param recentFinals the last acknowledged {@code asr.final}s
     */
    public record Speech(long lastSeq, long utterances, List<RecentFinal> recentFinals) {
        public Speech {
            // rows written before protocol 1.1 have no recent finals
            recentFinals = recentFinals == null ? List.of() : List.copyOf(recentFinals);
        }
    }

    /** What the session recorded for review: flags raised and the transcript. */
    public record Findings(List<Flag> flags, List<TranscriptLine> transcript) {
        public Findings {
            flags = List.copyOf(flags);
            transcript = List.copyOf(transcript);
        }
    }

    /** The session's place in the hash-chained audit log: records written and the chain head. */
    public record AuditTrail(long auditRecords, String auditHead) {
    }

    /** An acknowledged {@code asr.final}: its seq and a digest of its text. */
    public record RecentFinal(long seq, String textDigest) {
    }
}
