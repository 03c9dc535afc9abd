package com.tierupgrade.history.chain;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.facts.CustomerIds;

/**
 * Recomputes the hash chains of the history and names the first row that does not match: whether anyone changed,
 * removed or added history past the service (docs/history.md#tamper-evidence).
 */
@Tag(name = "History")
@Path("/history/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private final ChainVerifier verifier;

    VerifyResource(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** Every customer's chains, or one customer's ({@code customerId}); the rule-set chains always. */
    @GET
    @Operation(operationId = "verifyHistory")
    public Verification verify(@QueryParam("customerId") String customerId) {
        if (customerId != null) {
            CustomerIds.require(customerId, "customerId");
        }
        return verifier.verify(Optional.ofNullable(customerId));
    }
}
