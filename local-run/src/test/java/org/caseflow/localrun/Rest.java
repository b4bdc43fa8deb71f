package org.caseflow.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' REST APIs as the tests call them: a demo user (password demo) signed in with HTTP Basic. */
final class Rest {

    /** A connection that cannot be made is given up after 2 s; an answer that does not come, after each request's 10 s. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private Rest() {
    }

    static HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    }

    /** GET as supervisor, who may read every case and task; fails unless the answer is 200. */
    static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url, "supervisor").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static List<Map<String, Object>> getList(String url) throws Exception {
        return JSON.readValue(get(url), new TypeReference<>() { });
    }

    static Map<String, Object> getMap(String url) throws Exception {
        return JSON.readValue(get(url), new TypeReference<>() { });
    }
}
