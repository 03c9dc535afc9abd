package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;

import com.tierupgrade.web.Conflict;
import com.tierupgrade.web.FieldProblem;

/**
 * A stored evaluation may not go back in time: the history of a customer must read forwards. Dry runs at any time
 * go to {@code POST /evaluations}.
 */
public class EvaluationTimeBehind extends Conflict {

    public EvaluationTimeBehind(String customerId, Instant asOf, Instant lastAsOf) {
        super("asOf " + asOf + " is earlier than the last evaluation of customer '" + customerId + "' (" + lastAsOf
                + "); send a later asOf, or none for now. POST /evaluations evaluates at any time without storing.",
                List.of(new FieldProblem("asOf", "must not be earlier than the last evaluation")));
    }
}
