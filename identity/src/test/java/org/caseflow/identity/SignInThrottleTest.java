package org.caseflow.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong passwords slow down the address they come from; nobody is locked out for good. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private int checked;

    private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(3, 5, Duration.ofMinutes(15), 1000),
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("UTC");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    /** A door that takes the password "right" and answers 401 to anything else, counting the checks. */
    private final FilterChain door = (request, response) -> {
        checked++;
        HttpServletRequest http = (HttpServletRequest) request;
        String given = http.getHeader("Authorization") != null
                ? new String(Base64.getDecoder().decode(http.getHeader("Authorization").substring(6)), StandardCharsets.UTF_8).split(":")[1]
                : new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".*password=([^&]*).*", "$1");
        ((HttpServletResponse) response).setStatus(given.equals("right") ? 200 : 401);
    };

    @Test
    void afterTooManyWrongPasswordsTheUserWaitsAtThatAddressOnlyAndThenSignsIn() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("health.worker", "wrong", "10.0.0.66").getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse throttled = basic("health.worker", "right", "10.0.0.66");
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("900");
        assertThat(checked).as("a throttled attempt reaches no password check").isEqualTo(3);
        assertThat(basic("health.worker", "right", "10.0.0.7").getStatus()).as("the caseworker at their own desk").isEqualTo(200);

        now = now.plus(Duration.ofMinutes(15));
        assertThat(basic("health.worker", "right", "10.0.0.66").getStatus()).as("no lock lasts beyond the window").isEqualTo(200);
    }

    @Test
    void anAddressTryingManyUsersWaitsForAllOfThem() throws Exception {
        for (String user : new String[] {"a", "b", "c", "d", "e"}) {
            basic(user, "wrong", "10.0.0.66");
        }

        assertThat(basic("f", "right", "10.0.0.66").getStatus()).isEqualTo(429);
        assertThat(basic("f", "right", "10.0.0.8").getStatus()).isEqualTo(200);
    }

    @Test
    void theLoginFormsAreThrottledTooAndStillReadTheirForm() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(form("/camunda/api/admin/auth/user/default/login/tasklist", "username=cpu.worker&password=wrong").getStatus())
                    .isEqualTo(401);
        }
        assertThat(form("/camunda/api/admin/auth/user/default/login/tasklist", "username=cpu.worker&password=right").getStatus())
                .isEqualTo(429);
        assertThat(form("/login", "username=police.worker&password=right").getStatus()).as("the form reaches the door whole")
                .isEqualTo(200);
    }

    @Test
    void aSignInClearsThatUsersFailuresAtThatAddress() throws Exception {
        basic("cpu.worker", "wrong", "10.0.0.9");
        basic("cpu.worker", "wrong", "10.0.0.9");
        basic("cpu.worker", "right", "10.0.0.9");
        basic("cpu.worker", "wrong", "10.0.0.9");
        basic("cpu.worker", "wrong", "10.0.0.9");

        assertThat(basic("cpu.worker", "right", "10.0.0.9").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse basic(String user, String password, String address) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, door);
        return response;
    }

    private MockHttpServletResponse form(String path, String body) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr("10.0.0.5");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, door);
        return response;
    }
}
