package org.caseflow.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shared identities in every service: the configured users check passwords (unless the service
 * brings its own provider, as workflow-service does with Camunda's identity service), a controller may
 * ask for its {@link Caller}, a service without rules of its own gets {@link ApiSecurity}'s, and wrong
 * passwords are throttled at every door ({@link SignInThrottle}).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({IdentityProperties.class, SignInProperties.class})
public class IdentityAutoConfiguration {

    /** Before every other filter, so that a throttled attempt reaches no password check at all. */
    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottle(SignInProperties properties, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<SignInThrottle> registration =
                new FilterRegistrationBean<>(new SignInThrottle(properties, clock.getIfAvailable(Clock::systemUTC)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(AuthenticationProvider.class)
    ConfiguredUsers configuredUsers(IdentityProperties identities) {
        return new ConfiguredUsers(identities);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityProperties identities) throws Exception {
        return ApiSecurity.chain(http, identities, requests -> { });
    }

    @Bean
    WebMvcConfigurer callerArguments(IdentityProperties identities) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(identities));
            }
        };
    }
}
