package org.finassist.core.classify;

import org.finassist.core.router.Scenario;

/**
 * A classification: the scenario, a confidence in [0, 1], how it was decided ({@code rule}, {@code example},
 * {@code default}), and the stock symbol found in the text, if any.
 */
public record Classification(Scenario scenario, double confidence, String method, String symbol) {
}
