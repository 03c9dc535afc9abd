package com.tierupgrade.integration.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

/** Posts one signed announcement to a receiver; any 2xx answer is a delivery, anything else a failed try. */
@ApplicationScoped
class WebhookSender {

    /** How a try went: null error for a delivery. */
    record Outcome(Deliveries.Claimed delivery, String error) {

        boolean delivered() {
            return error == null;
        }
    }

    private static final int MAX_ERROR_BODY = 200;

    private final WebhooksConfig config;
    private final HttpClient client;

    WebhookSender(WebhooksConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CompletableFuture<Outcome> send(Deliveries.Claimed delivery) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "tier-upgrade-webhooks")
                    .header(Signature.ID_HEADER, String.valueOf(delivery.announcementId()))
                    .header(Signature.ATTEMPT_HEADER, String.valueOf(delivery.attempt()))
                    .header(Signature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(Signature.SIGNATURE_HEADER, Signature.sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, "invalid URL: " + e.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> new Outcome(delivery, error(response, failure)));
    }

    private String error(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + config.timeout().toMillis() + " ms";
            }
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        if (response.statusCode() / 100 == 2) {
            return null;
        }
        String body = response.body() == null ? "" : response.body().strip();
        return "HTTP " + response.statusCode()
                + (body.isEmpty() ? "" : ": " + (body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "…" : body));
    }
}
