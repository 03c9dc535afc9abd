package com.tierupgrade.manual;

import java.util.List;

import com.tierupgrade.web.Conflict;
import com.tierupgrade.web.FieldProblem;

public class NothingToRelease extends Conflict {

    public NothingToRelease(String customerId, String dimension, String kind) {
        super("Customer '" + customerId + "' has no " + kind + " in force on '" + dimension + "'",
                List.of(new FieldProblem("kind", "nothing of this kind is in force on this dimension")));
    }
}
