package com.tierupgrade.integration.webhook;

public class SubscriptionNotFound extends RuntimeException {

    public SubscriptionNotFound(long id) {
        super("No webhook subscription " + id);
    }
}
