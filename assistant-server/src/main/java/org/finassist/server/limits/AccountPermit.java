package org.finassist.server.limits;

import org.finassist.core.router.AccountLimits;
import org.finassist.server.router.RouterProperties;

import java.util.concurrent.atomic.AtomicBoolean;

/** An account's answer to one call: refused with a reason, or admitted with the slots to give back. */
final class AccountPermit implements AccountLimits.Permit {

    private final AccountLimitsAdapter owner;
    private final String provider;
    private final RouterProperties.Account account;
    private final boolean batch;
    private final SharedLimits.Lease lease;
    private final SharedLimits.Lease batchLease;
    private final String refused;
    private final AtomicBoolean released = new AtomicBoolean();

    AccountPermit(AccountLimitsAdapter owner, String provider, RouterProperties.Account account, boolean batch,
                  SharedLimits.Lease lease, SharedLimits.Lease batchLease) {
        this(owner, provider, account, batch, lease, batchLease, null);
    }

    private AccountPermit(AccountLimitsAdapter owner, String provider, RouterProperties.Account account, boolean batch,
                          SharedLimits.Lease lease, SharedLimits.Lease batchLease, String refused) {
        this.owner = owner;
        this.provider = provider;
        this.account = account;
        this.batch = batch;
        this.lease = lease;
        this.batchLease = batchLease;
        this.refused = refused;
    }

    static AccountPermit refused(String reason) {
        return new AccountPermit(null, null, null, false, null, null, reason);
    }

    @Override
    public String refused() {
        return refused;
    }

    @Override
    public void release(long tokens) {
        if (refused == null && released.compareAndSet(false, true)) {
            owner.finished(provider, account, batch, lease, batchLease, tokens);
        }
    }
}
