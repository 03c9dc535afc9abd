package com.tierupgrade.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A person who opens the service's root reaches the console (which asks for credentials), not a 401 page: the root
 * itself needs none and only redirects.
 */
@ApplicationScoped
public class RootToConsole {

    static final String CONSOLE = "/console/";

    void register(@Observes Router router) {
        router.route("/").handler(context -> {
            String method = context.request().method().name();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                context.next();
                return;
            }
            context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, CONSOLE).end();
        });
    }
}
