package org.finassist.server.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Short URLs of the static pages: {@code /ops} (dashboard) and {@code /manage} (knowledge bases and API keys).
 * The admin page is not under {@code /admin/}: that prefix is the loopback-or-token API, which a page load cannot
 * authenticate; the page sends the operator's token with each call instead.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/ops").setViewName("forward:/ops/index.html");
        registry.addViewController("/manage").setViewName("forward:/manage/index.html");
    }
}
