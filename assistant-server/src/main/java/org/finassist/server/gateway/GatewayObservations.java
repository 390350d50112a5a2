package org.finassist.server.gateway;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Gateway requests are not observed as generic HTTP requests ({@code http.server.requests}): each already records
 * the gateway's own meters (requests, failures, latency and time to first token per route and provider, tokens,
 * cost, {@code finassist.gateway.overhead}), and the generic observation (context, tags, timers, long-task
 * bookkeeping) was a tenth of a gateway request's CPU (issue 19 profile).
 */
@Configuration(proxyBeanMethods = false)
class GatewayObservations {

    @Bean
    ObservationPredicate gatewayRequestsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/v1/"));
    }
}
