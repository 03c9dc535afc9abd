package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
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

import com.tierupgrade.facts.CustomerIds;
import com.tierupgrade.facts.FactLimits;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.LimitsConfig;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

@Tag(name = "Facts and customers")
@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final int MAX_PAGE = 1000;

    private final CustomerService customers;
    private final FactLimits limits;
    private final ActiveRuleSet rules;

    CustomerResource(CustomerService customers, LimitsConfig limits, ActiveRuleSet rules) {
        this.customers = customers;
        this.limits = FactLimits.of(limits);
        this.rules = rules;
    }

    /** Upstream systems send a customer's new or corrected facts; the answer is the decision made on them. */
    @POST
    @Path("/facts")
    @Consumes(MediaType.APPLICATION_JSON)
    public FactsResponse receiveFacts(@RestPath String customerId, FactsRequest request) {
        CustomerIds.require(customerId, "customerId");
        return customers.receiveFacts(customerId, FactsValidator.validate(request, Instant.now(), limits,
                rules.current().events()));
    }

    @GET
    public CustomerView customer(@RestPath String customerId) {
        CustomerIds.require(customerId, "customerId");
        return customers.find(customerId).orElseThrow(() -> new CustomerNotFound(customerId));
    }

    /** The customer's history, oldest first; pass the last id seen as {@code after} for the next page. */
    @GET
    @Path("/history")
    @Operation(operationId = "customerHistory")
    public List<HistoryView> history(@RestPath String customerId, @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        CustomerIds.require(customerId, "customerId");
        checkLimit(limit);
        return customers.history(customerId, after, limit);
    }

    /**
     * The change history of the customer's attributes (dynamic tags keep theirs), oldest first, optionally of one
     * attribute; pass the last id seen as {@code after} for the next page.
     */
    @GET
    @Path("/attributes/history")
    public List<AttributeLog.Entry> attributeHistory(@RestPath String customerId, @QueryParam("name") String name,
            @QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("100") int limit) {
        CustomerIds.require(customerId, "customerId");
        checkLimit(limit);
        return customers.attributeHistory(customerId, name, after, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("The query parameters are not valid",
                    List.of(new FieldProblem("limit", "must be from 1 to " + MAX_PAGE)));
        }
    }
}
