package org.finassist.server.gateway;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ChatCompletionsServlet}: an exact servlet mapping is chosen before the dispatcher's "/". */
@Configuration(proxyBeanMethods = false)
class ChatCompletionsMapping {

    @Bean
    ServletRegistrationBean<ChatCompletionsServlet> chatCompletionsServlet(GatewayController controller) {
        ServletRegistrationBean<ChatCompletionsServlet> bean =
                new ServletRegistrationBean<>(new ChatCompletionsServlet(controller), ChatCompletionsServlet.PATH);
        bean.setName("chatCompletions");
        bean.setAsyncSupported(true); // non-streamed answers run in asynchronous mode (client departure)
        bean.setLoadOnStartup(1);
        return bean;
    }
}
