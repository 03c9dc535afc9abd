package com.tierupgrade.publishing;

import com.tierupgrade.web.NotFound;

public class PublicationNotFound extends NotFound {

    public PublicationNotFound(long id) {
        super("No publication " + id + "; GET /rulesets lists every version with its publications");
    }
}
