package org.finassist.content.diagnosis;

import java.util.List;

/** The dimension scores, the weighted overall score and the rating derived from it. */
public record Scores(List<DimensionScore> dimensions, int overall, Rating rating) {
    public Scores {
        dimensions = List.copyOf(dimensions);
    }

    public DimensionScore of(Dimension dimension) {
        return dimensions.stream().filter(d -> d.dimension() == dimension).findFirst().orElseThrow();
    }
}
