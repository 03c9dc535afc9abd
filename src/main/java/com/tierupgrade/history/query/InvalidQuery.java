package com.tierupgrade.history.query;

import java.util.List;

import com.tierupgrade.web.FieldProblem;

/** Query parameters that cannot be used, each with its problem. Answered as 400. */
public class InvalidQuery extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidQuery(List<FieldProblem> problems) {
        super("The query parameters are not valid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
