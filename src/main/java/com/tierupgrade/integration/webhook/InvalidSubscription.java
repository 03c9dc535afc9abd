package com.tierupgrade.integration.webhook;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** A subscription request (or a query of its deliveries) that cannot be served; every problem names the field. */
public class InvalidSubscription extends InvalidInput {

    public InvalidSubscription(List<FieldProblem> problems) {
        super("The subscription request is not valid", problems);
    }
}
