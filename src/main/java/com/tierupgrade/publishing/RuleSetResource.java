package com.tierupgrade.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.publishing.scenario.ScenarioResult;
import com.tierupgrade.reevaluation.Reevaluations;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;
import com.tierupgrade.web.Text;

import io.quarkus.security.identity.SecurityIdentity;

/** What rules are live and were live, and checking a draft before saving it. Nothing here activates anything. */
@Tag(name = "Rule sets")
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    public record VersionSummary(String version, boolean active, List<StoredRuleSets.Activation> activations) {
    }

    public record Current(String version, List<String> files, Instant activatedAt, String trigger,
            @Schema(nullable = true) RuleSetActivation.Rejection lastRejected,
            @Schema(nullable = true) Reevaluations.Progress reevaluation) {
    }

    public record ValidationReport(boolean valid, String version, List<RuleSetInvalid.Problem> problems,
            List<ScenarioResult> scenarios) {
    }

    private final ActiveRuleSet active;
    private final RuleSetActivation activation;
    private final StoredRuleSets stored;
    private final Simulation simulation;
    private final Reevaluations reevaluations;
    private final Publishing publishing;
    private final SecurityIdentity identity;

    RuleSetResource(ActiveRuleSet active, RuleSetActivation activation, StoredRuleSets stored, Simulation simulation,
            Reevaluations reevaluations, Publishing publishing, SecurityIdentity identity) {
        this.publishing = publishing;
        this.identity = identity;
        this.active = active;
        this.activation = activation;
        this.stored = stored;
        this.simulation = simulation;
        this.reevaluations = reevaluations;
    }

    /** Every version that was ever active, the latest activation first. */
    @GET
    public List<VersionSummary> versions() {
        String current = active.current().version();
        Map<String, List<StoredRuleSets.Activation>> byVersion = new LinkedHashMap<>();
        for (StoredRuleSets.Activation activation : stored.activations()) {
            byVersion.computeIfAbsent(activation.version(), v -> new ArrayList<>()).add(activation);
        }
        return byVersion.entrySet().stream()
                .map(entry -> new VersionSummary(entry.getKey(), entry.getKey().equals(current), entry.getValue()))
                .toList();
    }

    @GET
    @Path("/current")
    @Operation(operationId = "currentRuleSet")
    public Current current() {
        ActiveRuleSet.Active now = active.active();
        List<Reevaluations.Progress> jobs = reevaluations.recent();
        return new Current(now.ruleSet().version(), List.copyOf(now.ruleSet().files().keySet()), now.activatedAt(),
                now.trigger(), activation.lastRejection().orElse(null), jobs.isEmpty() ? null : jobs.get(0));
    }

    @GET
    @Path("/{version}")
    public StoredRuleSets.StoredVersion version(@RestPath String version) {
        Text.problem(version).ifPresent(problem -> {
            throw new InvalidInput("The rule-set version is not valid", List.of(new FieldProblem("version", problem)));
        });
        return stored.find(version).orElseThrow(() -> new RuleSetNotFound(version));
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Produces(MediaType.TEXT_PLAIN)
    public String diff(@RestPath String from, @RestPath String to) {
        return RuleSetDiff.unified(from, version(from).files(), to, version(to).files());
    }

    /** Why an earlier version is published again. */
    public record RollBack(String comment) {
    }

    /** Publishes an earlier version again (a new publication, gated like any other), with a comment. */
    @POST
    @Path("/{version}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public StoredRuleSets.Activation rollBack(@RestPath String version, RollBack request) {
        version(version);
        return publishing.rollBack(version, request == null ? null : request.comment(),
                identity.getPrincipal().getName());
    }

    /** Compiles a draft and runs the scenarios on it; answers the problems and results, activates nothing. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public ValidationReport validate(DraftRequest draft) {
        RuleSetActivation.Check check = checkDraft(draft, true);
        return new ValidationReport(check.passed(), check.version(), check.problems(), check.scenarios());
    }

    /** Evaluates every stored customer under the draft and under the active rules; writes nothing. */
    @POST
    @Path("/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Simulation.Report simulate(DraftRequest draft) {
        Instant asOf = draft == null || draft.asOf() == null ? Instant.now() : parseAsOf(draft.asOf());
        RuleSetActivation.Check check = checkDraft(draft, false);
        if (check.ruleSet() == null) {
            throw new RuleSetInvalid("the draft", check.problems());
        }
        return simulation.run(check.ruleSet(), asOf);
    }

    private RuleSetActivation.Check checkDraft(DraftRequest draft, boolean withScenarios) {
        if (draft == null) {
            throw new InvalidInput("The draft is not valid",
                    List.of(new FieldProblem("body", "a JSON object with files or version is required")));
        }
        RuleSet base = active.current();
        Map<String, String> ruleFiles = new HashMap<>(draft.version() == null ? base.files()
                : version(draft.version()).files());
        Map<String, String> scenarioFiles = withScenarios ? new HashMap<>(activation.scenarioFiles()) : new HashMap<>();
        DraftFiles.requireValidNames(draft.filesOrEmpty(), "The draft is not valid");
        draft.filesOrEmpty().forEach((name, content) -> (DraftFiles.isScenario(name) ? scenarioFiles : ruleFiles)
                .put(name, content));
        return activation.check(ruleFiles, withScenarios ? scenarioFiles : Map.of());
    }

    private static Instant parseAsOf(String text) {
        return FactsValidator.parseTime(text).orElseThrow(() -> new InvalidInput("The draft is not valid",
                List.of(new FieldProblem("asOf", "must be " + FactsValidator.TIME_FORMAT))));
    }
}
