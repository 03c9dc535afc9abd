package com.tierupgrade.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.publishing.draft.Draft;
import com.tierupgrade.publishing.draft.Drafts;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

import io.quarkus.security.identity.SecurityIdentity;

/** Drafts of the rule set: start, save (optimistically), check, simulate, approve, publish. */
@Tag(name = "Rule sets")
@Path("/rulesets/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    /** A new draft: the active files with {@code files} applied (a null content removes a file). */
    public record NewDraft(String title, Map<String, String> files) {
    }

    /** A save: the revision you started from, a new title (optional) and the files you changed (null removes). */
    public record DraftChange(Integer revision, String title, Map<String, String> files) {
    }

    /** The revision reviewed, for an approval; with a comment, for a publication. */
    public record Decision(Integer revision, String comment) {
    }

    private final Publishing publishing;
    private final Drafts drafts;
    private final RuleSetActivation activation;
    private final Simulation simulation;
    private final SecurityIdentity identity;

    DraftResource(Publishing publishing, Drafts drafts, RuleSetActivation activation, Simulation simulation,
            SecurityIdentity identity) {
        this.publishing = publishing;
        this.drafts = drafts;
        this.activation = activation;
        this.simulation = simulation;
        this.identity = identity;
    }

    /** The latest 200 drafts, without their files. */
    @GET
    @Operation(operationId = "listDrafts")
    public List<Draft> list() {
        return drafts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = Draft.class, responseCode = "201")
    @Operation(operationId = "startDraft")
    public Response start(NewDraft request) {
        NewDraft draft = request == null ? new NewDraft(null, null) : request;
        Draft started = publishing.startDraft(draft.title(), draft.files() == null ? Map.of() : draft.files(), user());
        return Response.status(Response.Status.CREATED).entity(started).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDraft")
    public Draft get(@RestPath long id) {
        return publishing.draft(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveDraft")
    public Draft save(@RestPath long id, DraftChange change) {
        DraftChange body = change == null ? new DraftChange(null, null, null) : change;
        return publishing.save(id, body.revision(), body.title(), body.files() == null ? Map.of() : body.files(),
                user());
    }

    /** Compiles the draft ({@code file:line} problems) and runs its scenarios; changes nothing. */
    @POST
    @Path("/{id}/validate")
    @Operation(operationId = "validateDraft")
    public RuleSetResource.ValidationReport validate(@RestPath long id) {
        Draft draft = publishing.draft(id);
        RuleSetActivation.Check check = activation.check(DraftFiles.rules(draft.files()),
                DraftFiles.scenarios(draft.files()));
        return new RuleSetResource.ValidationReport(check.passed(), check.version(), check.problems(),
                check.scenarios());
    }

    /** Every stored customer under the draft and under the active rules at {@code asOf} (now); writes nothing. */
    @POST
    @Path("/{id}/simulate")
    @Operation(operationId = "simulateDraft")
    public Simulation.Report simulate(@RestPath long id, @RestQuery String asOf) {
        Instant at = asOf == null ? Instant.now()
                : FactsValidator.parseTime(asOf).orElseThrow(() -> new InvalidInput(
                        "The what-if is not valid", List.of(new FieldProblem("asOf", "must be " + FactsValidator.TIME_FORMAT))));
        Draft draft = publishing.draft(id);
        RuleSetActivation.Check check = activation.check(DraftFiles.rules(draft.files()), Map.of());
        if (check.ruleSet() == null) {
            throw new RuleSetInvalid("draft " + id, check.problems());
        }
        return simulation.run(check.ruleSet(), at);
    }

    /** A second editor approves the revision they reviewed (needed before publishing when four eyes are on). */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveDraft")
    public Draft approve(@RestPath long id, Decision decision) {
        return publishing.approve(id, decision == null ? null : decision.revision(), user());
    }

    /** Publishes the draft: compiled, its scenarios pass, stored with the what-if, active on every instance. */
    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishDraft")
    public StoredRuleSets.Activation publish(@RestPath long id, Decision decision) {
        Decision body = decision == null ? new Decision(null, null) : decision;
        return publishing.publish(id, body.revision(), body.comment(), user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
