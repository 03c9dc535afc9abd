package com.tierupgrade.manual;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

public class InvalidManualDecision extends InvalidInput {

    public InvalidManualDecision(List<FieldProblem> problems) {
        super("The manual decision is not valid", problems);
    }
}
