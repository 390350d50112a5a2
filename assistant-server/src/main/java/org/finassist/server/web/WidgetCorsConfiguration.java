package org.finassist.server.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets the chat widget, embedded in the brokerage's own pages on another origin, call {@code /api/**}:
 * {@code finassist.widget.allowed-origins} (comma-separated; empty, the default, allows same-origin pages only).
 */
@Configuration(proxyBeanMethods = false)
class WidgetCorsConfiguration implements WebMvcConfigurer {

    private final List<String> origins;

    WidgetCorsConfiguration(@Value("${finassist.widget.allowed-origins:}") List<String> origins) {
        this.origins = origins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!origins.isEmpty()) {
            registry.addMapping("/api/**").allowedOrigins(origins.toArray(String[]::new))
                    .allowedMethods("GET", "POST").allowedHeaders("Authorization", "Content-Type").maxAge(600);
        }
    }
}
