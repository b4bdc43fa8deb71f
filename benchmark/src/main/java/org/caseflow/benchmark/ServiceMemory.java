package org.caseflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each service's memory: heap in use from its actuator ({@code jvm.memory.used}, area heap) and the
 * resident set of its process from {@code /proc/<pid>/status} (VmRSS). The services are this JVM's
 * child processes; each is found by the jar on its command line.
 */
final class ServiceMemory {

    /** @param heapMb heap in use; @param rssMb resident memory of the whole process (NaN where unknown) */
    record Sample(double heapMb, double rssMb) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> urlByService;
    private final String authorization;

    /**
     * @param urlByService service id (such as case-service, the name of its jar) to its base URL
     * @param authorization the Authorization header for the services whose actuator needs a login
     */
    ServiceMemory(Map<String, String> urlByService, String authorization) {
        this.urlByService = urlByService;
        this.authorization = authorization;
    }

    Map<String, Sample> sample() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        urlByService.forEach((service, url) -> samples.put(service, new Sample(heapMb(url), rssMb(service))));
        return samples;
    }

    private double heapMb(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(url + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).path("measurements").path(0).path("value").asDouble(Double.NaN) / (1024 * 1024);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static double rssMb(String service) {
        return pid(service).map(pid -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
                return Double.NaN;
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
        }).orElse(Double.NaN);
    }

    private static Optional<Long> pid(String service) {
        String jar = "/" + service + ".jar";
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar) && !line.startsWith("/usr/bin/setsid")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }
}
