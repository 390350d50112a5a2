package org.finassist.server.opening;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.server.security.ColumnCipher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the ocr-checker library from {@link OcrCheckerProperties}. */
@Configuration(proxyBeanMethods = false)
class OpeningConfiguration {

    @Bean
    OpeningSteps openingSteps() {
        return OpeningSteps.standard();
    }

    @Bean
    IdPhotoService idPhotoService(OcrCheckerProperties props) {
        return new IdPhotoService(props, Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @Bean
    IdPhotoRejections idPhotoRejections(MeterRegistry registry) {
        return new IdPhotoRejections(registry);
    }

    @Bean
    OpeningSessionStore openingSessionStore(JdbcTemplate jdbc, OpeningSteps steps, OcrCheckerProperties props,
                                            ColumnCipher cipher) {
        return new OpeningSessionStore(jdbc, steps, Clock.systemUTC(), props.sessionRetention(), cipher);
    }

    @Bean
    FilterRegistrationBean<UploadSizeFilter> openingUploadSizeFilter(OcrCheckerProperties props) {
        FilterRegistrationBean<UploadSizeFilter> bean = new FilterRegistrationBean<>(
                new UploadSizeFilter(props.upload().maxBytes()));
        bean.addUrlPatterns("/api/opening/id-photo");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }
}
