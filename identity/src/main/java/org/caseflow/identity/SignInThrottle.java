package org.caseflow.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing at every door of a service without locking anyone out for good: after
 * too many wrong passwords for one user from one address, or from one address for any users, within
 * the window, that address's further attempts (for that user, or at all) answer 429 with Retry-After,
 * and are not even checked, until the oldest failure leaves the window. The same user signs in from
 * any other address meanwhile, so a stranger's guesses cannot keep a caseworker out (Camunda's own
 * lock, which did, is switched off in workflow-service).
 *
 * <p>It sees every way in: HTTP Basic on any path, the pages' login form ({@code POST /login}) and the
 * Camunda webapps' login ({@code POST .../auth/user/{engine}/login/{app}}). A failure is an answer 401
 * to credentials, or the login form's redirect to its error page. The counts are in memory, per
 * instance, and start again with it.
 */
public class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(SignInProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest passed = request;
        String user = basicUser(request);
        if (user == null && isLoginForm(request)) {
            // Read the form here and hand it on unread: the webapps read it from the body themselves.
            byte[] body = request.getInputStream().readNBytes(16 * 1024);
            user = formValue(new String(body, StandardCharsets.UTF_8), "username");
            passed = new ReplayedBody(request, body);
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String pair = "user " + user + " from " + address;
        String fromAddress = "address " + address;
        Instant now = clock.instant();
        Duration wait = max(waitFor(pair, properties.maxFailures(), now), waitFor(fromAddress, properties.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            tooMany(response, wait);
            return;
        }
        chain.doFilter(passed, response);
        if (failed(passed, response)) {
            record(pair, now);
            record(fromAddress, now);
            log.info("Wrong password for {} from {}", user, address);
        } else if (response.getStatus() < 400) {
            failures.remove(pair);
        }
    }

    /** How long the key must wait before it may try again; zero when it may now. */
    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant since = now.minus(properties.window());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
                recent.pollFirst();
            }
            if (recent.size() < limit) {
                return Duration.ZERO;
            }
            // Blocked until enough of the failures have left the window for one more attempt.
            Instant freed = recent.stream().skip(recent.size() - limit).findFirst().orElseThrow().plus(properties.window());
            return Duration.between(now, freed);
        }
    }

    private void record(String key, Instant at) {
        if (failures.size() > properties.trackedKeys()) {
            // Bounded memory under a spray of addresses: forget the keys whose failures have all expired.
            Instant since = at.minus(properties.window());
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || !entry.getValue().peekLast().isAfter(since);
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(at);
        }
    }

    private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            return true;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return isLoginForm(request) && location != null && location.contains("?error");
    }

    private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many wrong passwords from this address; try again in " + seconds + " seconds\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The pages' login form, or the Camunda webapps' login. */
    private static boolean isLoginForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getContentType() == null
                || !request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/login") || path.matches(".*/auth/user/[^/]+/login(/[^/]*)?");
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The request with a body already read, given again to whoever reads it next. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, java.util.List<String>> collected = new java.util.LinkedHashMap<>();
            String query = getQueryString();
            for (String form : new String[] {query == null ? "" : query, new String(body, StandardCharsets.UTF_8)}) {
                for (String pair : form.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    collected.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
            collected.forEach((key, values) -> parameters.put(key, values.toArray(String[]::new)));
            return parameters;
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }
    }
}
