package com.tierupgrade.integration.webhook;

import java.util.List;

import com.tierupgrade.web.FieldProblem;

/** A subscription request that cannot be registered; every problem names the field. */
public class InvalidSubscription extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidSubscription(List<FieldProblem> problems) {
        super("The subscription is not valid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
