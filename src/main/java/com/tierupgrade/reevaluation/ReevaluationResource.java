package com.tierupgrade.reevaluation;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Background re-evaluations: their progress, and starting one at the current time by hand. */
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
    public Response atCurrentTime() {
        return Response.accepted(reevaluations.atCurrentTime()).build();
    }
}
