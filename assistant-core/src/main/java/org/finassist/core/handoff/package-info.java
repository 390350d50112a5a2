/**
 * Hand-off to a person: {@link org.finassist.core.handoff.HandoffDetector} reads a customer's message before any model
 * is asked (an explicit request, a complaint, fraud or account security, distress) and
 * {@link org.finassist.core.handoff.HandoffReason} says why, with the short Chinese message the customer sees. Rules
 * are data in {@code handoff-rules.txt}.
 */
package org.finassist.core.handoff;
