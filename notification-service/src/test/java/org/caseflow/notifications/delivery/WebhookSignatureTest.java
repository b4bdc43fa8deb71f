package org.caseflow.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "a-secret-of-the-police-receiver";
    private static final byte[] BODY = "{\"caseId\":\"c1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2030-01-15T08:30:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTheTimestampAndTheBodyAsDocumented() {
        // Computed apart from this code, as a receiver in any language would:
        // printf '%s' '1894696200.{"caseId":"c1"}' | openssl dgst -sha256 -hmac a-secret-of-the-police-receiver
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertThat(NOW.getEpochSecond()).isEqualTo(1894696200L);
        assertThat(signature).isEqualTo("sha256=0381c7d71144f5bbbb640f6f9c06d61f36367dc834e429ff411b07795eebdb81");
        assertThat(WebhookSignature.verify(SECRET, "1894696200", signature, BODY, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void aReceiverRejectsAnotherBodyAnotherSecretOrAnOldTimestamp() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(WebhookSignature.verify(SECRET, timestamp, signature, "{\"caseId\":\"c2\"}".getBytes(StandardCharsets.UTF_8),
                NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("another-secret-entirely", timestamp, signature, BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, NOW.plus(Duration.ofMinutes(6)), TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, timestamp, "sha256=zz", BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, TOLERANCE)).isFalse();
    }
}
