package org.finassist.content.diagnosis;

import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;

import java.util.List;

/** The published narrative, where it came from, every attempt that led to it, and why it fell back if it did. */
public record Narrative(String text, NarrativeSource source, List<NarrativeAttempt> attempts, String fallbackReason) {
    public Narrative {
        attempts = List.copyOf(attempts);
    }
}
