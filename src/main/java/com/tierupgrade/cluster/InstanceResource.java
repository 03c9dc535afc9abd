package com.tierupgrade.cluster;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service instances alive on this database, each with the rule set it serves (docs/scaling.md). */
@Tag(name = "Operations")
@Path("/instances")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {

    private final Instances instances;

    InstanceResource(Instances instances) {
        this.instances = instances;
    }

    /** The instances that sent a heartbeat within the last three intervals, oldest first. */
    @GET
    public List<Instances.InstanceView> alive() {
        return instances.alive();
    }
}
