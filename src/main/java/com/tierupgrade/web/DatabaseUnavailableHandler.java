package com.tierupgrade.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures that reach the HTTP layer without a JSON answer of their own: the database out of reach (from a resource,
 * or from checking a password — a login cannot be decided then) becomes a 503 with {@code Retry-After} and a JSON
 * body. Anything else goes on to Quarkus (a 500: a bug).
 */
@ApplicationScoped
public class DatabaseUnavailableHandler {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
        } else if (DatabaseUnavailable.causes(context.failure())) {
            context.response().putHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            answer(context, 503, "Service Unavailable", DatabaseUnavailable.MESSAGE);
        } else {
            context.next();
        }
    }

    private static void answer(RoutingContext context, int status, String error, String message) {
        JsonObject body = new JsonObject().put("status", status).put("error", error).put("message", message)
                .put("problems", new JsonArray());
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
