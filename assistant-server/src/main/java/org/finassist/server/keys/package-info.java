/**
 * Virtual keys (issue 19): what one API key may do on the {@code /v1} gateway — model and route allowlists,
 * requests and tokens per minute, CNY budgets per day and month with a soft limit (cheapest candidates first) and a
 * hard limit (429 {@code budget_exceeded}), expiry — and the spend and tokens recorded per key, model and day.
 * Limits are enforced on every node together: rates through {@link org.finassist.server.limits.SharedLimits},
 * budgets against spend rows that every node updates atomically. The gateway calls {@link
 * org.finassist.server.keys.KeyGate} once before routing and once after the answer; a key without a policy costs
 * no database round trip (its spend is batched).
 */
package org.finassist.server.keys;
