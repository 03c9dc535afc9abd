package com.tierupgrade.integration.webhook;

import com.tierupgrade.web.NotFound;

public class DeliveryNotFound extends NotFound {

    public DeliveryNotFound(long subscriptionId, long deliveryId) {
        super("No delivery " + deliveryId + " of webhook subscription " + subscriptionId);
    }
}
