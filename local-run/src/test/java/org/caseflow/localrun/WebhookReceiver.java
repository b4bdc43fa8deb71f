package org.caseflow.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing for an agency's webhook receiver: notes every call (notification id and
 * case) and answers 204. Like {@link MailReceiver}, it can hold its answer to the next call.
 */
final class WebhookReceiver extends Receiver<WebhookReceiver.Call> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as it arrived. */
    record Call(String notificationId, String caseId, String agency) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::receive);
        server.start();
    }

    /** The receiver's address: plain http is allowed to localhost only. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    protected void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Map<?, ?> notification = JSON.readValue(body.readAllBytes(), Map.class);
            arrived(new Call(exchange.getRequestHeaders().getFirst("X-Caseflow-Notification"),
                    (String) notification.get("caseId"), (String) notification.get("agency")));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
