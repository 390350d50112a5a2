/**
 * Limits every node of a cluster enforces together: token buckets (requests and tokens per minute), concurrency
 * leases that lapse when a node dies, and circuit state with an open-until time. {@link
 * org.finassist.server.limits.SharedLimits} is the one seam; {@code finassist.limits.backend} picks PostgreSQL
 * (production: the nodes already share it, so no new infrastructure) or memory (the embedded one-node default).
 * Users: the router's provider accounts ({@code AccountLimitsAdapter}) and the gateway's virtual keys.
 */
package org.finassist.server.limits;
