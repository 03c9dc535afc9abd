package com.tierupgrade.publishing;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.history.Cause;
import com.tierupgrade.history.HistoryEntries;

/**
 * What an auditor needs about one publication: who wrote, approved and published it, when and why, the diff against
 * the version before it, the what-if it was published with, and the history entries its re-evaluation wrote.
 */
@Tag(name = "Rule sets")
@Path("/rulesets/publications")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationAuditResource {

    /**
     * {@code causedEntries} counts, per kind, the entries written with cause RULESET_CHANGE under this version (by
     * every publication of it); {@code historyQuery} lists them.
     */
    public record PublicationAudit(StoredRuleSets.Activation publication,
            @Schema(nullable = true) String previousVersion, @Schema(nullable = true) String diff,
            @Schema(nullable = true, implementation = Simulation.Report.class,
                    description = "the what-if it was published with (as POST /rulesets/simulate answers); null for "
                            + "rules-folder imports and rows older than drafts") Object whatIf, Map<String, Long> causedEntries, String historyQuery) {
    }

    private final StoredRuleSets stored;
    private final HistoryEntries history;

    PublicationAuditResource(StoredRuleSets stored, HistoryEntries history) {
        this.stored = stored;
        this.history = history;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "publicationAudit")
    public PublicationAudit audit(@RestPath long id) {
        StoredRuleSets.Activation publication = stored.publication(id).orElseThrow(() -> new PublicationNotFound(id));
        Optional<String> previous = stored.versionBefore(id);
        String diff = previous.map(before -> RuleSetDiff.unified(before, stored.find(before).orElseThrow().files(),
                publication.version(), stored.find(publication.version()).orElseThrow().files())).orElse(null);
        return new PublicationAudit(publication, previous.orElse(null), diff, stored.whatIf(id).orElse(null),
                history.countByKind(publication.version(), Cause.RULESET_CHANGE),
                "/history?rulesetVersion=" + publication.version() + "&cause=" + Cause.RULESET_CHANGE);
    }
}
