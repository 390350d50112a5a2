package org.finassist.content.master;

import java.util.Objects;

/**
 * The master in force and its resolver, replaced whole by a refresh (readers see the old or the new one, never a
 * mix). Thread-safe.
 */
public final class LiveMaster {

    private record State(SecuritiesMaster master, NameResolver resolver) {
    }

    private volatile State state;

    public LiveMaster(SecuritiesMaster master) {
        replace(master);
    }

    public SecuritiesMaster master() {
        return state.master();
    }

    public NameResolver resolver() {
        return state.resolver();
    }

    /** Puts {@code master} in force; the resolver's indices are built before it becomes visible. */
    public void replace(SecuritiesMaster master) {
        Objects.requireNonNull(master, "master");
        this.state = new State(master, new NameResolver(master));
    }
}
