package org.caseflow.workflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.caseflow.identity.ApiSecurity;
import org.caseflow.identity.ConfiguredUsers;
import org.caseflow.identity.IdentityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic everywhere but the health endpoints. /engine-rest is guarded by Camunda's own
 * authentication filter, so the engine knows the user and applies its authorizations (a caseworker
 * sees and works only their agency's tasks; the Camunda Modeler's deploy dialog sends these
 * credentials). The webapps under /camunda have their own login; their setup of a first administrator
 * is closed. This service's own API takes the same identities; the procedure's versions and migrations
 * are for procedure designers.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdentityProperties identities) throws Exception {
        return ApiSecurity.chain(http, identities, requests -> requests
                // Camunda's own authentication: the engine's filter above; the webapps' login page, whose
                // API answers 401 without a logged-in session; "/" only redirects to them.
                // The webapps' first-administrator setup is closed: administrators come from configuration.
                .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                .requestMatchers("/engine-rest/**", "/camunda/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/").permitAll()
                .requestMatchers("/api/procedure/**").hasAuthority(ConfiguredUsers.GROUP + identities.designerGroup()));
    }

    /** Checks the user's password with Camunda's identity service; the user's groups become authorities. */
    @Bean
    AuthenticationProvider camundaIdentities(IdentityService identityService) {
        return new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication authentication) {
                String user = authentication.getName();
                String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
                if (!identityService.checkPassword(user, password)) {
                    throw new BadCredentialsException("Bad credentials");
                }
                List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(id -> new SimpleGrantedAuthority(ConfiguredUsers.GROUP + id)).toList();
                return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
