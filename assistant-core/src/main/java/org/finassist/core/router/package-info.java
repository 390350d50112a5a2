/**
 * The 1+N router: a {@code general} route plus one route per scenario, each an ordered list of
 * {@code provider:model} candidates (weighted among equals) with the local grounded model as the implicit last
 * one. {@link org.finassist.core.router.ModelRouter} fails over on provider-side failures within a retry budget
 * and an overall deadline, keeps a resilience4j circuit breaker, bulkhead and rate limiter per provider, and
 * accounts usage, cost and the route trail of every answer.
 */
package org.finassist.core.router;
