package org.caseflow.notifications.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** How the HTTP channels read an answer: 2xx taken; 408, 425, 429 and 5xx worth a retry; other 4xx refused. */
final class HttpOutcomes {

    private HttpOutcomes() {
    }

    static void send(HttpClient http, HttpRequest request, String what) throws DeliveryFailed {
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw DeliveryFailed.transientFailure(what + " not reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailed.transientFailure(what + ": interrupted while sending", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw DeliveryFailed.transientFailure(what + " answered HTTP " + status);
        }
        throw DeliveryFailed.permanentFailure(what + " refused it with HTTP " + status);
    }
}
