package org.caseflow.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: HMAC-SHA256, keyed with the agency's secret, over the timestamp (Unix
 * seconds, as sent in {@value #TIMESTAMP_HEADER}), a dot, and the body's exact bytes; sent hex-encoded as
 * {@code sha256=<hex>} in {@value #SIGNATURE_HEADER}. A receiver recomputes it, compares in constant time,
 * and rejects timestamps too far from its clock, so a captured call cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Caseflow-Signature";
    public static final String TIMESTAMP_HEADER = "X-Caseflow-Timestamp";
    /** The notification's id: the same on every retry, so a receiver can drop a repeat. */
    public static final String NOTIFICATION_HEADER = "X-Caseflow-Notification";
    public static final String SCHEME = "sha256=";

    private WebhookSignature() {
    }

    /** The value of the signature header for the body sent at the timestamp. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /**
     * What a receiver does: checks the signature header against the body and the timestamp header, and
     * that the timestamp is within the tolerance of now.
     */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(SCHEME)) {
            return false;
        }
        long timestamp;
        byte[] given;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
            given = HexFormat.of().parseHex(signatureHeader.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp, body), given);
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
