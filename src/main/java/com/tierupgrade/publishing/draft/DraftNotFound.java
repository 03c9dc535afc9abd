package com.tierupgrade.publishing.draft;

import com.tierupgrade.web.NotFound;

public class DraftNotFound extends NotFound {

    public DraftNotFound(long id) {
        super("No draft " + id + "; GET /rulesets/drafts lists them");
    }
}
