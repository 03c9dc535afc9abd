package com.tierupgrade.explanation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One history entry (404 for an unknown id) in plain Chinese: JSON (sentences and text), or with {@code Accept: text/plain} the text only. */
@Tag(name = "History")
@Path("/history/{entryId}/explanation")
public class EntryExplanationResource {

    private final Explanations explanations;

    EntryExplanationResource(Explanations explanations) {
        this.explanations = explanations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "explainEntry") // names the one operation both methods answer (JSON or text/plain)
    public Explanation json(@RestPath long entryId) {
        return explanations.ofEntry(entryId);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String text(@RestPath long entryId) {
        return explanations.ofEntry(entryId).text();
    }
}
