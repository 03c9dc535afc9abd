package com.tierupgrade.population;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.rules.fact.CutOff;

/** The population cut-offs (top 10% by spend …): the current values, their history, and recomputing them now. */
@Tag(name = "Cut-offs")
@Path("/cutoffs")
@Produces(MediaType.APPLICATION_JSON)
public class CutOffResource {

    private final CurrentCutOffs current;
    private final PopulationCutOffs cutOffs;

    CutOffResource(CurrentCutOffs current, PopulationCutOffs cutOffs) {
        this.current = current;
        this.cutOffs = cutOffs;
    }

    @GET
    @Operation(operationId = "currentCutOffs")
    public List<CutOff> current() {
        return current.current();
    }

    /** Recomputes every cut-off over all stored customers now, instead of waiting for the schedule. */
    @POST
    @Path("/recompute")
    public List<CutOff> recompute() {
        return cutOffs.recompute(Instant.now());
    }

    /** Every computation of one cut-off, newest first; pass the last id seen as {@code before} for the next page. */
    @GET
    @Path("/{name}/history")
    @Operation(operationId = "cutOffHistory")
    public List<PopulationCutOffs.Computed> history(@RestPath String name,
            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return cutOffs.history(name, before, Math.max(1, Math.min(limit, 1000)));
    }
}
