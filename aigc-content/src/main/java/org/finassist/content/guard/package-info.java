/**
 * Guarded generation shared by the diagnosis narrative and the commentary articles: a model text must pass a
 * guardrail or is regenerated once naming the rejected sentences ({@link
 * org.finassist.content.guard.GuardedGeneration}); every attempt is recorded ({@link
 * org.finassist.content.guard.NarrativeAttempt}) and the published text says where it came from ({@link
 * org.finassist.content.guard.NarrativeSource}).
 */
package org.finassist.content.guard;
