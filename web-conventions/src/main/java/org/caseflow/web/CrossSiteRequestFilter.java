package org.caseflow.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a forged cross-site form from changing anything: a state-changing request (POST, PUT, PATCH,
 * DELETE) that a browser sends from another site must carry a JSON body or the header
 * {@value #HEADER}, neither of which a plain HTML form can send (a page's script can, but only after
 * the CORS preflight, which no service here answers). A browser marks such a request with
 * {@code Sec-Fetch-Site} or {@code Origin}; a request without either is no browser's (curl, the
 * Camunda Modeler, another service) and rides on no cookie or cached password of a person. Paths that
 * guard themselves with a session's CSRF token (the pages, the Camunda webapps) are left to it.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-By";

    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> sessionGuardedPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    CrossSiteRequestFilter(List<String> sessionGuardedPaths) {
        this.sessionGuardedPaths = List.copyOf(sessionGuardedPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || isJson(request) || request.getHeader(HEADER) != null
                || !fromAnotherSite(request) || sessionGuarded(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"A change sent by a browser from another site needs a JSON body or the " + HEADER + " header\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json");
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    /** Whether a browser sent it from a page of another origin. */
    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            return !(request.getScheme().equalsIgnoreCase(from.getScheme()) && request.getServerName().equalsIgnoreCase(from.getHost())
                    && request.getServerPort() == (from.getPort() == -1 ? defaultPort(from.getScheme()) : from.getPort()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private boolean sessionGuarded(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return sessionGuardedPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
    }
}
