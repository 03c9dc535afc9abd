package com.tierupgrade.web;

import java.util.List;

/**
 * The request cannot be applied to the state it finds: answered 409 with the message and the fields concerned.
 * Features extend it.
 */
public class Conflict extends RuntimeException {

    private final List<FieldProblem> problems;

    public Conflict(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
