package com.tierupgrade.rules.engine;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.Unprocessable;

/**
 * The rules went over the evaluation budget for these facts: answered 422 with the rule named; nothing the
 * evaluation would have written is stored.
 */
public class EvaluationBudgetExceeded extends Unprocessable {

    private final String rule;

    EvaluationBudgetExceeded(String what, String rule) {
        super("The rules exceeded the evaluation budget: " + what, List.of(new FieldProblem(rule, what)));
        this.rule = rule;
    }

    /** The rule that fired most in the stopped evaluation: the one to look at. */
    public String rule() {
        return rule;
    }
}
