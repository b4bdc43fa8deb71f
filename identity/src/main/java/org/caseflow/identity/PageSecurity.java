package org.caseflow.identity;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The rules of a service's pages for people: the same users as the APIs, signed in once on a login
 * page and kept in a session until logout; CSRF tokens on every form; pages not framed by other sites.
 * The APIs beside them keep HTTP Basic without a session ({@link ApiSecurity}); a page never answers
 * with a Basic challenge, so no browser opens its own sign-in dialog.
 */
public final class PageSecurity {

    /** Where the login page is. */
    public static final String LOGIN = "/login";

    private PageSecurity() {
    }

    /**
     * @param pages       the paths of the pages (Ant patterns); the login page, logout and static resources are added
     * @param landingPage where a user goes after signing in when no page was asked for
     */
    public static SecurityFilterChain chain(HttpSecurity http, String landingPage, String... pages) throws Exception {
        String[] matched = new String[pages.length + 4];
        System.arraycopy(pages, 0, matched, 0, pages.length);
        matched[pages.length] = LOGIN;
        matched[pages.length + 1] = "/logout";
        matched[pages.length + 2] = "/css/**";
        matched[pages.length + 3] = "/favicon.ico";
        return http
                .securityMatcher(matched)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, "/css/**", "/favicon.ico").permitAll()
                        .anyRequest().access(ApiSecurity.person()))
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl(landingPage, false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
