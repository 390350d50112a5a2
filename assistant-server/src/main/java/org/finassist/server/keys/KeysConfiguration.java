package org.finassist.server.keys;

import org.finassist.server.limits.SharedLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Wires the virtual keys' gate and spend store. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    SpendStore keySpendStore(JdbcClient jdbc) {
        return new SpendStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    SpendBuffer keySpendBuffer(SpendStore store, KeysProperties properties) {
        return new SpendBuffer(store, properties.spendFlush(), properties.spendBufferRows());
    }

    @Bean
    KeyGate keyGate(SharedLimits limits, SpendStore store, SpendBuffer buffer, KeysProperties properties) {
        return new KeyGate(limits, store, buffer, Clock.systemUTC(), properties);
    }
}
