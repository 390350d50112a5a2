package org.finassist.server.keys;

/** The API key a gateway request was authenticated with: its id, display name and policy. */
public record VirtualKey(long id, String name, KeyPolicy policy) {

    public VirtualKey {
        policy = policy == null ? KeyPolicy.NONE : policy;
    }
}
