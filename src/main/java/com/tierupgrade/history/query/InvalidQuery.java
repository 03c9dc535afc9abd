package com.tierupgrade.history.query;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** Query parameters that cannot be used, each with its problem. Answered as 400. */
public class InvalidQuery extends InvalidInput {

    public InvalidQuery(List<FieldProblem> problems) {
        super("The query parameters are not valid", problems);
    }
}
