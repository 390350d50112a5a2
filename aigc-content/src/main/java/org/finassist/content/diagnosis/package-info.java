/**
 * Stock diagnosis (诊股): deterministic facts (every figure with unit and as-of date), dimension scores, a rating
 * that is never a buy/sell call, and a narrative from the {@code stock-diagnosis} model route that must pass the
 * number-grounding and compliance guardrails or is replaced by the local template narrative.
 */
package org.finassist.content.diagnosis;
