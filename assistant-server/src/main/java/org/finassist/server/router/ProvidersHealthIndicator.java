package org.finassist.server.router;

import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.ProviderStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health per provider. Overall UP while the local model answers (customers always get a grounded answer); each
 * provider shows {@code up}, {@code disabled} (no API key), {@code circuit_open}, {@code half_open} or
 * {@code cooling_down}.
 */
final class ProvidersHealthIndicator implements HealthIndicator {

    private final ModelRouter router;

    ProvidersHealthIndicator(ModelRouter router) {
        this.router = router;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        long external = 0;
        long usable = 0;
        for (ProviderStatus s : router.providerStatuses()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", s.state());
            detail.put("flavor", s.flavor());
            detail.put("detail", s.detail());
            detail.put("models", s.models());
            detail.put("inFlight", s.inFlight());
            detail.put("maxConcurrency", s.maxConcurrency());
            builder.withDetail(s.id(), detail);
            if (!"local".equals(s.flavor())) {
                external++;
                if ("up".equals(s.state()) || "half_open".equals(s.state())) {
                    usable++;
                }
            }
        }
        builder.withDetail("externalProvidersUsable", usable + "/" + external);
        return builder.build();
    }
}
