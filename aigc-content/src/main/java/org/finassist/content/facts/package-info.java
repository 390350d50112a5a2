/**
 * Computed facts shared by diagnosis, anomaly detection and commentary: every figure a text may cite, with its unit,
 * customer-facing display and as-of date ({@link org.finassist.content.facts.Fact}), and the formatting rules that
 * make the display and the number-grounding guardrail agree ({@link org.finassist.content.facts.FactFormat}).
 */
package org.finassist.content.facts;
