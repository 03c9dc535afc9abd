package com.tierupgrade.audience;

import com.tierupgrade.web.NotFound;

public class AudienceNotFound extends NotFound {

    public AudienceNotFound(long id) {
        super("No audience " + id);
    }
}
