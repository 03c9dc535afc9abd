package com.tierupgrade.integration.webhook;

import java.util.List;

/**
 * A new subscription as an operator posts it. Empty or absent filter lists match every entry; {@code secret} is
 * generated when absent.
 */
public record SubscriptionRequest(String url, String secret, String description, List<String> dimensions,
        List<String> kinds, List<String> values) {
}
