package org.finassist.server.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API-key storage, the guard filter and the admin endpoints. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    ApiKeyStore apiKeyStore(JdbcClient jdbc) {
        return new ApiKeyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyStore store, SecurityProperties properties) {
        FilterRegistrationBean<ApiKeyFilter> reg = new FilterRegistrationBean<>(new ApiKeyFilter(store, properties));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        reg.addUrlPatterns("/v1/*", "/api/*", "/admin/*");
        return reg;
    }
}
