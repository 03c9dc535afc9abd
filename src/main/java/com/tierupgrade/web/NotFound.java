package com.tierupgrade.web;

/** Something the request names does not exist: answered 404 with the message. Features extend it. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
