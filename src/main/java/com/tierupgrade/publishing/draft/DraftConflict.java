package com.tierupgrade.publishing.draft;

import java.util.List;

import com.tierupgrade.web.Conflict;
import com.tierupgrade.web.FieldProblem;

/** A draft cannot take this change in the state it is in: changed by someone else since, published, not approved. */
public class DraftConflict extends Conflict {

    public DraftConflict(String message, List<FieldProblem> problems) {
        super(message, problems);
    }
}
