/**
 * Guardrails every generated text passes before a customer sees it: number grounding (each number, percentage,
 * price and date must come from computed facts), compliance (no promised returns, no buy/sell/hold instruction,
 * no absolute terms banned by the advertising law; phrase lists are data in {@code compliance-phrases.txt}) and
 * disclosure (risk disclaimer, AI-generated label and data date present).
 */
package org.finassist.core.guardrail;
