package com.tierupgrade.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: HMAC-SHA256 with the subscription's secret over {@code "<timestamp>.<body>"}, hex.
 * The timestamp (Unix seconds, also sent in its own header) lets receivers refuse old deliveries replayed by someone
 * else.
 */
public final class Signature {

    public static final String SIGNATURE_HEADER = "X-Tierup-Signature";
    public static final String TIMESTAMP_HEADER = "X-Tierup-Timestamp";
    public static final String ID_HEADER = "X-Tierup-Announcement-Id";
    public static final String ATTEMPT_HEADER = "X-Tierup-Attempt";

    private Signature() {
    }

    /** The value of {@link #SIGNATURE_HEADER}: {@code sha256=<hex>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
