package com.tierupgrade.integration.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.web.FieldProblem;

/** Operators register webhook subscriptions, watch their deliveries and replay dead letters (docs/integration.md). */
@Tag(name = "Webhooks")
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final int MAX_PAGE = 1000;

    private final Subscriptions subscriptions;

    WebhookResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Registers a subscription; the answer is the only one that shows its secret. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = SubscriptionView.class, responseCode = "201")
    public Response createSubscription(SubscriptionRequest request) {
        SubscriptionView created = subscriptions.create(request);
        return Response.created(URI.create("/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    public List<SubscriptionView> listSubscriptions() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    public SubscriptionView subscription(@RestPath long id) {
        return subscriptions.find(id);
    }

    /** Stops deliveries to the subscription. */
    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Removed; pending deliveries are no longer sent")
    public Response deleteSubscription(@RestPath long id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    /** The subscription's deliveries, newest first; pass the last id seen as {@code before} for the next page. */
    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryView> deliveries(@RestPath long id, @QueryParam("status") String status,
            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidSubscription(List.of(new FieldProblem("limit", "must be from 1 to " + MAX_PAGE)));
        }
        return subscriptions.deliveries(id, status, before, limit);
    }

    /** Sends every dead letter of the subscription again, oldest first. */
    @POST
    @Path("/{id}/replay")
    public Map<String, Integer> replayDead(@RestPath long id) {
        return Map.of("replayed", subscriptions.replayDead(id));
    }

    /** Sends one delivery again, whatever its status. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @APIResponse(responseCode = "202", description = "Queued; sent with the next batch")
    public Response replayDelivery(@RestPath long id, @RestPath long deliveryId) {
        subscriptions.replay(id, deliveryId);
        return Response.accepted().build();
    }
}
