package com.tierupgrade.dashboard;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** The numbers behind the web console (/console/): read-only aggregates and display names. */
@Tag(name = "Dashboard")
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    static final int MAX_DAYS = 366;

    private final Dashboard dashboard;

    DashboardResource(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /**
     * Counts per value of every dimension, the journey funnel, history entries per day over the last {@code days}
     * days (days cut in {@code zone}, by the time the service recorded them) and the top current hold reasons.
     */
    @GET
    @Path("/summary")
    public DashboardSummary summary(@QueryParam("days") @DefaultValue("30") int days,
            @QueryParam("zone") @DefaultValue("Asia/Shanghai") String zone) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInput("The query parameters are not valid",
                    List.of(new FieldProblem("days", "must be from 1 to " + MAX_DAYS)));
        }
        return dashboard.summary(days, zoneOf(zone));
    }

    /** Every dimension of the active ladders.yaml with the display names of its values, lowest first. */
    @GET
    @Path("/labels")
    public List<Dashboard.DimensionLabels> labels() {
        return dashboard.labels();
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInput("The query parameters are not valid",
                    List.of(new FieldProblem("zone", "must be a time zone such as Asia/Shanghai")));
        }
    }
}
