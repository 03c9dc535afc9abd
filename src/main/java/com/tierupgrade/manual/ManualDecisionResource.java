package com.tierupgrade.manual;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.customer.CustomerService;
import com.tierupgrade.customer.FactsResponse;
import com.tierupgrade.decision.ManualKind;
import com.tierupgrade.facts.CustomerIds;
import com.tierupgrade.rules.engine.ActiveRuleSet;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * People decide over the rules for one customer: a floor, a pinned value or a hold on an upgrade, with a reason and
 * an expiry, and the release of one (docs/manual-decisions.md). The answer is the decision made with it and the
 * history entries written: the manual entry (with its author) and any change of value it caused.
 */
@Tag(name = "Facts and customers")
@Path("/customers/{customerId}/manual-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ManualDecisionResource {

    private final CustomerService customers;
    private final ActiveRuleSet rules;
    private final SecurityIdentity identity;

    ManualDecisionResource(CustomerService customers, ActiveRuleSet rules, SecurityIdentity identity) {
        this.customers = customers;
        this.rules = rules;
        this.identity = identity;
    }

    /** Sets a FLOOR, PIN or HOLD; it replaces the dimension's floor or pin (for FLOOR, PIN) or its hold (HOLD). */
    @POST
    public FactsResponse decide(@RestPath String customerId, ManualDecisionRequest request) {
        CustomerIds.require(customerId, "customerId");
        return customers.setManual(customerId, ManualDecisionValidator.validate(request, rules.current().ladders(),
                identity.getPrincipal().getName(), Instant.now()));
    }

    /** Lifts the dimension's hold (kind HOLD) or its floor or pin (FLOOR, PIN) before it expires. */
    @POST
    @Path("/release")
    public FactsResponse release(@RestPath String customerId, ReleaseRequest request) {
        CustomerIds.require(customerId, "customerId");
        ManualDecisionValidator.Release release = ManualDecisionValidator.validate(request, rules.current().ladders());
        return customers.release(customerId, release.dimension(), release.kind(), identity.getPrincipal().getName(),
                release.reason()).orElseThrow(() -> new NothingToRelease(customerId, release.dimension(),
                        release.kind() == ManualKind.HOLD ? "hold" : "floor or pin"));
    }
}
