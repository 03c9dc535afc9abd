package com.tierupgrade.web;

import java.util.List;

/** The request is wrong in the fields it names: answered 400 with the message and a problem per field. Features extend it. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
