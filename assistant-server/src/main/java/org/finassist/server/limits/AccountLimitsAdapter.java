package org.finassist.server.limits;

import org.finassist.core.router.AccountLimits;
import org.finassist.server.router.RouterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's provider accounts on {@link SharedLimits}: a call takes a slot of the account's concurrency and a
 * token of its requests per minute, and checks that tokens per minute are not spent (the answer's tokens are
 * charged when it ends); batch calls ({@code RouteOptions.BATCH}) also take from the batch's part. A full account is waited for
 * ({@code chat-wait}, {@code batch-wait}), then refused so the router tries the next candidate. The shared circuit
 * state is read at most every {@code circuit-refresh}. When the backend fails, calls are admitted (the per-node
 * limits still hold) and the failure is logged: limits must not take the service down.
 */
final class AccountLimitsAdapter implements AccountLimits {

    private static final Logger log = LoggerFactory.getLogger(AccountLimitsAdapter.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private record Cached(Instant openUntil, long readAtNanos) {
    }

    private final SharedLimits limits;
    private final Map<String, RouterProperties.Account> accounts;
    private final LimitsProperties properties;
    private final Map<String, Cached> circuits = new ConcurrentHashMap<>();

    AccountLimitsAdapter(SharedLimits limits, RouterProperties router, LimitsProperties properties) {
        this.limits = limits;
        this.properties = properties;
        Map<String, RouterProperties.Account> byId = new HashMap<>();
        router.providers().forEach((key, p) -> {
            if (p.account() != null && p.account().limitsAnything()) {
                byId.put(p.id() == null || p.id().isBlank() ? key : p.id().strip(), p.account());
            }
        });
        this.accounts = Map.copyOf(byId);
    }

    @Override
    public Permit admit(String provider, boolean batch, Duration hold) {
        RouterProperties.Account account = accounts.get(provider);
        if (account == null) {
            return Permit.FREE;
        }
        Duration wait = batch ? properties.batchWait() : properties.chatWait();
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), Math.max(0, hold.toNanos()));
        long pause = 20;
        try {
            while (true) {
                AccountPermit permit = tryAdmit(provider, account, batch, hold.plus(LEASE_MARGIN));
                if (permit.refused() == null || System.nanoTime() + pause * 1_000_000 > deadline) {
                    return permit;
                }
                Thread.sleep(pause);
                pause = Math.min(500, pause * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AccountPermit.refused("account_saturated");
        } catch (RuntimeException e) {
            log.warn("Account limits of '{}' unavailable, admitting on per-node limits only: {}", provider, e.toString());
            return Permit.FREE;
        }
    }

    private AccountPermit tryAdmit(String provider, RouterProperties.Account a, boolean batch, Duration ttl) {
        String base = "acct:" + provider;
        SharedLimits.Lease batchLease = null;
        if (batch && a.maxConcurrency() > 0) {
            Optional<SharedLimits.Lease> l = limits.tryAcquire(base + ":batch", (int) a.batchPart(a.maxConcurrency()), ttl);
            if (l.isEmpty()) {
                return AccountPermit.refused("account_saturated");
            }
            batchLease = l.get();
        }
        SharedLimits.Lease lease = null;
        if (a.maxConcurrency() > 0) {
            Optional<SharedLimits.Lease> l = limits.tryAcquire(base, a.maxConcurrency(), ttl);
            if (l.isEmpty()) {
                release(batchLease);
                return AccountPermit.refused("account_saturated");
            }
            lease = l.get();
        }
        if (!rates(base, a, batch)) {
            release(lease);
            release(batchLease);
            return AccountPermit.refused("account_rate_limit");
        }
        return new AccountPermit(this, provider, a, batch, lease, batchLease);
    }

    /** One request and the first of its tokens from the account's (and for a batch call, the batch's) buckets. */
    private boolean rates(String base, RouterProperties.Account a, boolean batch) {
        if (a.requestsPerMinute() > 0) {
            if (batch && !limits.tryConsume(base + ":batch:rpm", 1,
                    SharedLimits.Rate.perMinute(a.batchPart(a.requestsPerMinute())))) {
                return false;
            }
            if (!limits.tryConsume(base + ":rpm", 1, SharedLimits.Rate.perMinute(a.requestsPerMinute()))) {
                return false;
            }
        }
        if (a.tokensPerMinute() > 0) {
            if (batch && !limits.tryConsume(base + ":batch:tpm", 1,
                    SharedLimits.Rate.perMinute(a.batchPart(a.tokensPerMinute())))) {
                return false;
            }
            return limits.tryConsume(base + ":tpm", 1, SharedLimits.Rate.perMinute(a.tokensPerMinute()));
        }
        return true;
    }

    void finished(String provider, RouterProperties.Account a, boolean batch, SharedLimits.Lease lease,
                  SharedLimits.Lease batchLease, long tokens) {
        try {
            release(lease);
            release(batchLease);
            if (a.tokensPerMinute() > 0 && tokens > 1) {
                String base = "acct:" + provider;
                limits.consume(base + ":tpm", tokens - 1, SharedLimits.Rate.perMinute(a.tokensPerMinute()));
                if (batch) {
                    limits.consume(base + ":batch:tpm", tokens - 1,
                            SharedLimits.Rate.perMinute(a.batchPart(a.tokensPerMinute())));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Account limits of '{}': release failed (the slot lapses at its expiry): {}", provider, e.toString());
        }
    }

    private void release(SharedLimits.Lease lease) {
        if (lease != null) {
            limits.release(lease);
        }
    }

    @Override
    public Instant openUntil(String provider) {
        Cached c = circuits.get(provider);
        long now = System.nanoTime();
        if (c != null && now - c.readAtNanos() < properties.circuitRefresh().toNanos()) {
            return c.openUntil();
        }
        Instant until;
        try {
            until = limits.openUntil("provider:" + provider);
        } catch (RuntimeException e) {
            log.warn("Shared circuit of '{}' unreadable, using this node's: {}", provider, e.toString());
            until = c == null ? Instant.EPOCH : c.openUntil();
        }
        circuits.put(provider, new Cached(until, now));
        return until;
    }

    @Override
    public void opened(String provider, Instant until) {
        circuits.put(provider, new Cached(until, System.nanoTime()));
        try {
            limits.open("provider:" + provider, until);
        } catch (RuntimeException e) {
            log.warn("Shared circuit of '{}' not published: {}", provider, e.toString());
        }
    }

    @Override
    public void closed(String provider) {
        circuits.put(provider, new Cached(Instant.EPOCH, System.nanoTime()));
        try {
            limits.close("provider:" + provider);
        } catch (RuntimeException e) {
            log.warn("Shared circuit of '{}' not published: {}", provider, e.toString());
        }
    }
}
