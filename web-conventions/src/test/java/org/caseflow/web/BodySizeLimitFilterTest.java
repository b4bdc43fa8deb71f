package org.caseflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over the limit is refused with 413 before anything reads it whole, however it is sent. */
class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(1_000, Map.of("/engine-rest/deployment/**", 5_000L));

    @Test
    void aBodyThatSaysItIsTooLargeIsRefusedAtOnceAndNothingReadsIt() throws Exception {
        AtomicLong read = new AtomicLong(-1);
        MockHttpServletResponse response = send("/api/cases", 1_001, true, read);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 1000 bytes");
        assertThat(read.get()).as("the application never ran").isEqualTo(-1);
    }

    @Test
    void aChunkedBodyIsStoppedAsSoonAsItPassesTheLimit() throws Exception {
        AtomicLong read = new AtomicLong(-1);
        MockHttpServletResponse response = send("/api/cases", 50_000, false, read);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(read.get()).as("read no further than the limit").isLessThanOrEqualTo(1_001);
    }

    @Test
    void aBodyWithinItsPathsLimitPassesWhole() throws Exception {
        AtomicLong read = new AtomicLong(-1);
        assertThat(send("/api/cases", 1_000, false, read).getStatus()).isEqualTo(200);
        assertThat(read.get()).isEqualTo(1_000);
        assertThat(send("/engine-rest/deployment/create", 4_000, true, read).getStatus()).as("the Modeler's deployment").isEqualTo(200);
        assertThat(read.get()).isEqualTo(4_000);
        assertThat(send("/engine-rest/deployment/create", 5_001, false, read).getStatus()).isEqualTo(413);
    }

    /** Sends a body of that many bytes, with or without its length; the application reads it all and answers 200. */
    private MockHttpServletResponse send(String path, int bytes, boolean sayLength, AtomicLong read) throws Exception {
        byte[] body = "x".repeat(bytes).getBytes(StandardCharsets.US_ASCII);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return sayLength ? bytes : -1;
            }
        };
        request.setContent(body);
        read.set(-1);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest in, jakarta.servlet.http.HttpServletResponse out) throws IOException {
                long count = 0;
                try (var stream = in.getInputStream()) {
                    while (stream.read() != -1) {
                        count++;
                        read.set(count);
                    }
                }
                read.set(count);
                out.setStatus(200);
            }
        }));
        return response;
    }
}
