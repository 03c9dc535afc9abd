package com.tierupgrade.explanation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.facts.CustomerIds;

/** A customer's current decision in plain Chinese: JSON (sentences and text), or with {@code Accept: text/plain} the text only. */
@Tag(name = "History")
@Path("/customers/{customerId}/explanation")
public class CustomerExplanationResource {

    private final Explanations explanations;

    CustomerExplanationResource(Explanations explanations) {
        this.explanations = explanations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "explainCustomer") // names the one operation both methods answer (JSON or text/plain)
    public Explanation json(@RestPath String customerId) {
        CustomerIds.require(customerId, "customerId");
        return explanations.ofCustomer(customerId);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String text(@RestPath String customerId) {
        CustomerIds.require(customerId, "customerId");
        return explanations.ofCustomer(customerId).text();
    }
}
