package org.finassist.server.funnel;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Short URLs of the funnel screen: {@code /ops/funnel} and the big screen {@code /ops/funnel/big}. */
@Configuration(proxyBeanMethods = false)
class FunnelPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/ops/funnel").setViewName("forward:/ops/funnel.html");
        registry.addRedirectViewController("/ops/funnel/big", "/ops/funnel.html?big=1");
    }
}
