package com.tierupgrade.integration.webhook;

import com.tierupgrade.web.NotFound;

public class SubscriptionNotFound extends NotFound {

    public SubscriptionNotFound(long id) {
        super("No webhook subscription " + id);
    }
}
