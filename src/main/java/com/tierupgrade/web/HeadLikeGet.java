package com.tierupgrade.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.MimeMapping;
import io.vertx.ext.web.Router;

/**
 * HEAD on a static file (the console) answers with the Content-Type GET would have; Vert.x's static handler leaves
 * it out. Resources answer HEAD like GET on their own.
 */
@ApplicationScoped
public class HeadLikeGet {

    void register(@Observes Router router) {
        router.head().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().headers().get(HttpHeaders.CONTENT_TYPE) == null) {
                    String type = MimeMapping.getMimeTypeForFilename(context.normalizedPath());
                    if (type != null) {
                        context.response().putHeader(HttpHeaders.CONTENT_TYPE,
                                type.startsWith("text/") ? type + ";charset=UTF-8" : type);
                    }
                }
            });
            context.next();
        });
    }
}
