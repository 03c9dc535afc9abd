package com.tierupgrade.reevaluation;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.web.Conflict;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;
import com.tierupgrade.web.Text;

import io.quarkus.security.identity.SecurityIdentity;

/** Background re-evaluations: their progress, and starting one at the current time by hand. */
@Tag(name = "Rule sets")
@Path("/reevaluations")
@Produces(MediaType.APPLICATION_JSON)
public class ReevaluationResource {

    private final Reevaluations reevaluations;
    private final BulkConfirmations confirmations;
    private final SecurityIdentity identity;

    ReevaluationResource(Reevaluations reevaluations, BulkConfirmations confirmations, SecurityIdentity identity) {
        this.reevaluations = reevaluations;
        this.confirmations = confirmations;
        this.identity = identity;
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
        confirmations.pending().ifPresent(pending -> {
            throw new Conflict("Bulk confirmation " + pending.id() + " waits: confirm or dismiss it first",
                    List.of(new FieldProblem("confirmation", "pending")));
        });
        return Response.accepted(reevaluations.atCurrentTime()).build();
    }

    /**
     * Bulk re-evaluations that waited or wait for a person, newest first, each with its what-if counts: how many
     * holders of each value of each ordered dimension the rule-set change would move down.
     */
    @GET
    @Path("/confirmations")
    public List<BulkConfirmationView> confirmations() {
        return confirmations.recent();
    }

    /** Confirms a pending bulk re-evaluation: stored customers are re-evaluated with the active rule set. */
    @POST
    @Path("/confirmations/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkConfirmationView confirm(@RestPath long id, Decision decision) {
        return confirmations.confirm(id, identity.getPrincipal().getName(), reason(decision));
    }

    /** Dismisses a pending bulk re-evaluation: stored customers keep their decisions until their next facts. */
    @POST
    @Path("/confirmations/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkConfirmationView dismiss(@RestPath long id, Decision decision) {
        return confirmations.dismiss(id, identity.getPrincipal().getName(), reason(decision));
    }

    /** Why a person confirmed or dismissed; optional. */
    public record Decision(@Schema(nullable = true) String reason) {
    }

    private static String reason(Decision decision) {
        String reason = decision == null ? null : decision.reason();
        if (reason != null && (reason.length() > 500 || Text.problem(reason).isPresent())) {
            throw new InvalidInput("The decision is not valid",
                    List.of(new FieldProblem("reason", "must be at most 500 characters of valid text")));
        }
        return reason;
    }
}
