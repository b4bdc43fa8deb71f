package org.caseflow.notifications.security;

import org.caseflow.identity.ApiSecurity;
import org.caseflow.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with the shared identities on the whole API. Anyone signed in may read the directory and
 * the routes; changing them and looking at the deliveries is for supervisors. Which inbox a caseworker
 * may see is decided per agency in the inbox API itself.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdentityProperties identities) throws Exception {
        return ApiSecurity.chain(http, identities, requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/agencies/**", "/api/routes/**").access(ApiSecurity.person())
                .requestMatchers("/api/agencies/**", "/api/routes/**", "/api/deliveries/**")
                .hasAuthority(ApiSecurity.supervisors(identities)));
    }
}
