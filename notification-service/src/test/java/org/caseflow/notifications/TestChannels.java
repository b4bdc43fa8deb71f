package org.caseflow.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.caseflow.infra.FreePorts;

/**
 * The other side of each channel, real and in this JVM, on free loopback ports: an SMTP server
 * (GreenMail), webhook receivers that verify the signature with the agency's secret as a real receiver
 * would, and an SMS gateway. Each can be told to fail or to hang, per address.
 */
final class TestChannels {

    private static TestChannels shared;

    final GreenMail smtp;
    private final HttpServer http;
    private final int httpPort;
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> sms = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Integer>> smsAnswers = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private TestChannels() {
        smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/hooks/", this::webhook);
        http.createContext("/sms", this::sms);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        httpPort = http.getAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            smtp.stop();
        }, "test-channels-shutdown"));
    }

    static synchronized TestChannels shared() {
        if (shared == null) {
            shared = new TestChannels();
        }
        return shared;
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    String smsGatewayUrl() {
        return "http://127.0.0.1:" + httpPort + "/sms";
    }

    /** A new webhook receiver that knows the agency's secret. */
    Webhook webhook(String name, String secret) {
        Webhook webhook = new Webhook("http://127.0.0.1:" + httpPort + "/hooks/" + name, secret);
        webhooks.put(name, webhook);
        return webhook;
    }

    /** The messages the gateway took for the number. */
    List<Map<String, Object>> smsTo(String number) {
        synchronized (sms) {
            return sms.stream().filter(m -> number.equals(m.get("to"))).toList();
        }
    }

    /** The gateway answers these statuses, in order, to the next messages for the number, then 200. */
    void smsAnswers(String number, Integer... statuses) {
        smsAnswers.put(number, new ArrayDeque<>(List.of(statuses)));
    }

    private void webhook(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/hooks/".length());
        Webhook webhook = webhooks.get(name);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (webhook == null) {
            answer(exchange, 404);
            return;
        }
        int status = webhook.take(exchange, body);
        answer(exchange, status);
    }

    @SuppressWarnings("unchecked")
    private void sms(HttpExchange exchange) throws IOException {
        Map<String, Object> message = json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        message.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        Deque<Integer> answers = smsAnswers.get(String.valueOf(message.get("to")));
        Integer status = answers == null ? null : answers.poll();
        if (status == null || status == 200) {
            sms.add(message);
            answer(exchange, 200);
        } else {
            answer(exchange, status);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** A receiver of one agency's webhook calls. */
    static final class Webhook {

        /** One call as the receiver saw it. */
        record Call(byte[] body, String timestamp, String signature, String notificationId, boolean verified, Instant at) {
            String text() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        final String url;
        final String secret;
        private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final Deque<Integer> answers = new ArrayDeque<>();
        private volatile int answerAlways;
        private volatile CountDownLatch hold;

        private Webhook(String url, String secret) {
            this.url = url;
            this.secret = secret;
        }

        /** Answers these statuses to the next calls, then 200. */
        synchronized Webhook answering(Integer... statuses) {
            answers.addAll(List.of(statuses));
            return this;
        }

        Webhook answeringAlways(int status) {
            answerAlways = status;
            return this;
        }

        /** Calls wait (up to 30 s) until {@link #release}. */
        Webhook holding() {
            hold = new CountDownLatch(1);
            return this;
        }

        void release() {
            CountDownLatch latch = hold;
            if (latch != null) {
                latch.countDown();
            }
        }

        List<Call> calls() {
            synchronized (calls) {
                return List.copyOf(calls);
            }
        }

        /** Calls whose signature held, that the receiver accepted. */
        List<Call> accepted() {
            return calls().stream().filter(Call::verified).toList();
        }

        private int take(HttpExchange exchange, byte[] body) {
            String timestamp = exchange.getRequestHeaders().getFirst("X-Caseflow-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Caseflow-Signature");
            boolean verified = verifies(timestamp, signature, body);
            calls.add(new Call(body, timestamp, signature, exchange.getRequestHeaders().getFirst("X-Caseflow-Notification"),
                    verified, Instant.now()));
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!verified) {
                return 401;
            }
            if (answerAlways != 0) {
                return answerAlways;
            }
            synchronized (this) {
                Integer next = answers.poll();
                return next == null ? 200 : next;
            }
        }

        /** What a receiver does, written here independently of the service's own code. */
        private boolean verifies(String timestamp, String signature, byte[] body) {
            if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
                return false;
            }
            long seconds = Long.parseLong(timestamp);
            if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
