package com.tierupgrade.web;

import java.util.List;

/**
 * The request is well formed but what it carries cannot be used (rules that do not compile): answered 422 with the
 * message and a problem per place. Features extend it.
 */
public class Unprocessable extends RuntimeException {

    private final List<FieldProblem> where;

    public Unprocessable(String message, List<FieldProblem> where) {
        super(message);
        this.where = List.copyOf(where);
    }

    /** Each place that cannot be used (a file:line, a field) and what is wrong there. */
    public List<FieldProblem> where() {
        return where;
    }
}
