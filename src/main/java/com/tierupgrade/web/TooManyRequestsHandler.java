package com.tierupgrade.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A {@link TooManyRequests} raised before a resource runs (while checking a password) reaches the HTTP layer, not
 * {@link ErrorMapper}: answered here, 429 with {@code Retry-After} and the JSON error body.
 */
@ApplicationScoped
public class TooManyRequestsHandler {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        TooManyRequests tooMany = TooManyRequests.in(context.failure());
        if (tooMany == null || context.response().headWritten()) {
            context.next();
            return;
        }
        JsonObject body = new JsonObject().put("status", 429).put("error", "Too Many Requests")
                .put("message", tooMany.getMessage()).put("problems", new JsonArray());
        context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()))
                .putHeader("Content-Type", "application/json").end(body.encode());
    }
}
