package org.caseflow.identity;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rules every service's HTTP API shares: HTTP Basic with the shared identities, no session, health
 * endpoints open, dead letters and the audit log for supervisors, every other request for a signed-in
 * person; a service identity only where a service's own rules let it in.
 * 401 and 403 answer with a bare problem body that says nothing of what was asked for.
 */
public final class ApiSecurity {

    public static final String REALM = "caseflow";

    /** The prefix of every service's own REST API. */
    public static final String API = "/api/";

    /** A service's own rules, applied after the shared open and supervisor-only paths and before "authenticated". */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    private ApiSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, IdentityProperties identities, Rules serviceRules) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)  // a stateless Basic API: no cookie a forged request could ride on
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // The error page of a request that was already let in (or already refused).
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/api/dead-letters/**", "/api/audit/**").hasAuthority(supervisors(identities));
                    serviceRules.customize(requests);
                    requests.anyRequest().access(person());
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(request, response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN)))
                .build();
    }

    /**
     * Any signed-in person, not a service identity: every door but those a service's rules open to
     * services by name ({@code .requestMatchers(...).authenticated()}).
     */
    public static AuthorizationManager<RequestAuthorizationContext> person() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(ConfiguredUsers.SERVICE)));
    }

    /** The authority of the supervisors' group. */
    public static String supervisors(IdentityProperties identities) {
        return ConfiguredUsers.GROUP + identities.supervisorGroup();
    }

    /**
     * 401; with a Basic challenge only on the API (/api/...), where a client is expected to answer it.
     * Anything else a browser asks for (a web application's own requests) gets no challenge, or the
     * browser would open its sign-in dialog over the page and the page would take no input until it closed.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + API)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        problem(response, HttpStatus.UNAUTHORIZED);
    }

    private static void problem(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + "}");
    }
}
