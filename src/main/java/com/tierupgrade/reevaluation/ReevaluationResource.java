package com.tierupgrade.reevaluation;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Background re-evaluations: their progress, and starting one at the current time by hand. */
@Tag(name = "Rule sets")
@Path("/reevaluations")
@Produces(MediaType.APPLICATION_JSON)
public class ReevaluationResource {

    private final Reevaluations reevaluations;

    ReevaluationResource(Reevaluations reevaluations) {
        this.reevaluations = reevaluations;
    }

    /** The latest jobs, newest first. */
    @GET
    public List<Reevaluations.Progress> recent() {
        return reevaluations.recent();
    }

    /** Re-evaluates every customer at the current time now, instead of waiting for the schedule. */
    @POST
    @APIResponseSchema(value = Reevaluations.Progress.class, responseCode = "202",
            responseDescription = "Started; the job's progress")
    public Response atCurrentTime() {
        return Response.accepted(reevaluations.atCurrentTime()).build();
    }
}
