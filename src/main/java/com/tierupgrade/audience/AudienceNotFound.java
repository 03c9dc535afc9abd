package com.tierupgrade.audience;

public class AudienceNotFound extends RuntimeException {

    public AudienceNotFound(long id) {
        super("No audience " + id);
    }
}
