package org.finassist.server.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The registry of open answer streams and its shutdown drain ({@link OpenStreams}). */
@Configuration(proxyBeanMethods = false)
class StreamDrainConfiguration {

    /**
     * {@code drain}: the shutdown phase limit; streams still open {@code finassist.shutdown.end-streams-before}
     * (default 5 s) ahead of it are ended with an error event, so the client hears it before the server stops.
     */
    @Bean
    OpenStreams openStreams(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drain,
                            @Value("${finassist.shutdown.end-streams-before:5s}") Duration endBefore) {
        return new OpenStreams(drain, endBefore);
    }
}
