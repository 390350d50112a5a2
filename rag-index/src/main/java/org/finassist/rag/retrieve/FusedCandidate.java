package org.finassist.rag.retrieve;

import java.util.EnumSet;

import org.finassist.rag.Chunk;

/** A chunk's running tally while the legs are fused. */
final class FusedCandidate {
    Chunk chunk;
    double fused;
    double keyword = Double.NaN;
    double vector = Double.NaN;

    Passage passage() {
        EnumSet<Leg> legs = EnumSet.noneOf(Leg.class);
        if (!Double.isNaN(keyword)) legs.add(Leg.KEYWORD);
        if (!Double.isNaN(vector)) legs.add(Leg.VECTOR);
        return new Passage(chunk, fused, legs, keyword, vector);
    }
}
