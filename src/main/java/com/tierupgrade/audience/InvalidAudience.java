package com.tierupgrade.audience;

import java.util.List;

import com.tierupgrade.web.FieldProblem;

/** An audience request breaks the contract; every problem names its field, e.g. {@code criteria[2].withinDays}. */
public class InvalidAudience extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidAudience(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
