package com.tierupgrade.facts;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** The facts sent break the contract; every problem names the field. */
public class InvalidFacts extends InvalidInput {

    public InvalidFacts(List<FieldProblem> problems) {
        super("The facts are not valid", problems);
    }
}
