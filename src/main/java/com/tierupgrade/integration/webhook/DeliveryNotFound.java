package com.tierupgrade.integration.webhook;

public class DeliveryNotFound extends RuntimeException {

    public DeliveryNotFound(long subscriptionId, long deliveryId) {
        super("No delivery " + deliveryId + " of webhook subscription " + subscriptionId);
    }
}
