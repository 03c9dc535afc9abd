package com.tierupgrade.facts;

import java.util.List;

import com.tierupgrade.web.FieldProblem;

/** The facts sent break the contract; every problem names the field. */
public class InvalidFacts extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFacts(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
