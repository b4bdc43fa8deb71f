package org.caseflow.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a forged cross-site form can reach: nothing that changes state. */
class CrossSiteRequestFilterTest {

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of("/login", "/camunda/**"));

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        assertThat(status("POST", "/api/cases/1/reopen", "application/x-www-form-urlencoded", "cross-site", null, null)).isEqualTo(403);
        assertThat(status("POST", "/engine-rest/task/1/claim", "text/plain", null, "https://evil.example", null)).isEqualTo(403);
        assertThat(status("DELETE", "/api/routes/1", null, "same-site", null, null)).isEqualTo(403);
        assertThat(status("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=x", "cross-site", null, null))
                .isEqualTo(403);
    }

    @Test
    void jsonTheCustomHeaderTheSameOriginAndNonBrowserClientsPass() throws Exception {
        assertThat(status("POST", "/api/cases/1/reopen", "application/json", "cross-site", null, null)).isEqualTo(200);
        assertThat(status("POST", "/api/cases/1/reopen", "application/problem+json", "cross-site", null, null)).isEqualTo(200);
        assertThat(status("POST", "/api/cases/1/reopen", "text/plain", "cross-site", null, "caseflow")).isEqualTo(200);
        assertThat(status("POST", "/api/cases/1/reopen", "application/x-www-form-urlencoded", "same-origin", null, null)).isEqualTo(200);
        assertThat(status("POST", "/api/cases/1/reopen", "text/plain", null, "http://localhost", null)).isEqualTo(200);
        assertThat(status("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=x", null, null, null))
                .as("the Camunda Modeler, no browser").isEqualTo(200);
        assertThat(status("GET", "/api/cases", null, "cross-site", null, null)).isEqualTo(200);
    }

    @Test
    void pathsGuardedByASessionTokenAreLeftToIt() throws Exception {
        assertThat(status("POST", "/login", "application/x-www-form-urlencoded", "cross-site", null, null)).isEqualTo(200);
        assertThat(status("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "cross-site", null, null)).isEqualTo(200);
    }

    private int status(String method, String path, String contentType, String fetchSite, String origin, String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerName("localhost");
        request.setServerPort(80);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (header != null) {
            request.addHeader(CrossSiteRequestFilter.HEADER, header);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
