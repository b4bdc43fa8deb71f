package org.caseflow.cases.security;

import org.caseflow.identity.ApiSecurity;
import org.caseflow.identity.IdentityProperties;
import org.caseflow.identity.PageSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors with the same users: the case file pages, signed in once per session on the login page;
 * and the REST API, HTTP Basic on every request without a session. Both apply the same access rules
 * (CaseAccess).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return PageSecurity.chain(http, "/cases", "/", "/cases", "/cases/**");
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, IdentityProperties identities) throws Exception {
        return ApiSecurity.chain(http, identities, requests -> requests
                // The one door for service identities (the court's system): their events. CaseAccess decides
                // which kinds each may send.
                .requestMatchers(HttpMethod.POST, "/api/cases/*/agency-events").authenticated());
    }
}
