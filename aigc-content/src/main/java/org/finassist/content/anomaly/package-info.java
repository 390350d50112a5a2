/**
 * Anomaly detection (异动) over a universe for one trading day: limit-up / limit-down at the computed limit price,
 * opened limit (炸板), unfilled gaps, volume surges against the N-day average, N-day breakouts, intraday fast moves
 * from minute bars, index moves and market breadth. Every anomaly is a record carrying the facts that prove it, so
 * commentary can cite them and the number-grounding guardrail can check what was written.
 */
package org.finassist.content.anomaly;
