package org.finassist.rag;

import org.finassist.rag.embed.Embedder;

/** One bge-small-zh instance per test JVM: loading it costs about a second and 100 MB. */
public final class SharedBge {

    private static Embedder embedder;

    private SharedBge() {
    }

    public static synchronized Embedder embedder() {
        if (embedder == null) embedder = Embedder.bgeSmallZh();
        return embedder;
    }
}
