package com.tierupgrade.audience;

import java.util.List;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** An audience request breaks the contract; every problem names its field, e.g. {@code criteria[2].withinDays}. */
public class InvalidAudience extends InvalidInput {

    public InvalidAudience(List<FieldProblem> problems) {
        super("The audience is not valid", problems);
    }
}
