package org.finassist.core.router;

import java.util.List;

/**
 * A provider's state for health reporting.
 *
 * @param state {@code up}, {@code disabled} (no API key), {@code circuit_open}, {@code half_open}, {@code cooling_down}
 */
public record ProviderStatus(String id, String flavor, String state, String detail, List<String> models,
                             int maxConcurrency, int inFlight) {
}
