package org.caseflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Applies the shared input rules to every service with a web server. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebConventionsProperties.class)
public class WebConventionsAutoConfiguration {

    /** On every path: the API, /engine-rest, the webapps, the pages. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebConventionsProperties properties) {
        Map<String, Long> larger = new LinkedHashMap<>();
        properties.largerBodies().forEach((path, size) -> larger.put(path, size.toBytes()));
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes(), larger));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(WebConventionsProperties properties) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter(properties.sessionGuardedPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Spring Boot adds every Jackson module bean to the application's ObjectMapper. */
    @Bean
    SimpleModule plainTextStrings() {
        return new SimpleModule("caseflow-plain-text").addDeserializer(String.class, new PlainTextDeserializer());
    }
}
