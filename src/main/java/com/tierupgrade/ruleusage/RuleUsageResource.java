package com.tierupgrade.ruleusage;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which rules work: how often each rule fired and held someone back, kept in the database for every instance. */
@Tag(name = "Rule sets")
@Path("/rulesets/rule-usage")
@Produces(MediaType.APPLICATION_JSON)
public class RuleUsageResource {

    private final RuleUsageReport report;

    RuleUsageResource(RuleUsageReport report) {
        this.report = report;
    }

    @GET
    @Operation(operationId = "ruleUsage")
    public RuleUsageReport.Report usage() {
        return report.report(LocalDate.now(ZoneOffset.UTC));
    }
}
