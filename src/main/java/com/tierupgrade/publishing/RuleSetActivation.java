package com.tierupgrade.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.tierupgrade.ops.Metrics;
import com.tierupgrade.population.PopulationCutOffs;
import com.tierupgrade.publishing.RulesConfig;
import com.tierupgrade.publishing.scenario.ScenarioResult;
import com.tierupgrade.publishing.scenario.ScenarioRunner;
import com.tierupgrade.reevaluation.BulkConfirmations;
import com.tierupgrade.reevaluation.Reevaluations;
import com.tierupgrade.reevaluation.WhatIf;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.web.TooManyRequests;

import io.quarkus.runtime.Startup;

/**
 * Decides which rule set is active. Files become active only when they compile and every scenario passes; then the
 * swap is atomic, the version is stored with what triggered it, and every customer is re-evaluated in the
 * background. Anything else leaves the active rule set serving and is kept as the latest rejected attempt.
 */
@Startup
@ApplicationScoped
public class RuleSetActivation {

    public static final String STARTUP = "STARTUP";
    public static final String FILE_CHANGE = "FILE_CHANGE";

    private static final Logger LOG = Logger.getLogger(RuleSetActivation.class);

    /** The outcome of checking some files: the compiled rule set when they compile, and every scenario result. */
    public record Check(RuleSet ruleSet, String version, List<RuleSetInvalid.Problem> problems,
            List<ScenarioResult> scenarios) {

        public boolean passed() {
            return ruleSet != null && scenarios.stream().allMatch(ScenarioResult::passed);
        }

        List<ScenarioResult> failedScenarios() {
            return scenarios.stream().filter(result -> !result.passed()).toList();
        }
    }

    /** Files that were not activated, and why. */
    public record Rejection(Instant at, String trigger, String version, List<RuleSetInvalid.Problem> problems,
            List<ScenarioResult> failedScenarios) {
    }

    private final Path directory;
    private final ActiveRuleSet active;
    private final StoredRuleSets stored;
    private final Reevaluations reevaluations;
    private final PopulationCutOffs cutOffs;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final ScenarioRunner scenarioRunner;
    /** Checks of the folder (start-up, watcher): one at a time. Drafts (validate, simulate) have their own. */
    private final BoundedChecks folderChecks;
    private final BoundedChecks draftChecks;
    private final DirectoryWatcher watcher;
    private volatile Rejection lastRejection;
    @Inject
    Metrics metrics;
    @Inject
    BulkDowngradeGate gate;
    @Inject
    BulkConfirmations confirmations;

    RuleSetActivation(RulesConfig config, ActiveRuleSet active, StoredRuleSets stored, Reevaluations reevaluations,
            PopulationCutOffs cutOffs, RuleEngine engine) {
        this.directory = Path.of(config.directory());
        this.active = active;
        this.stored = stored;
        this.reevaluations = reevaluations;
        this.cutOffs = cutOffs;
        this.scenarioRunner = new ScenarioRunner(engine);
        this.folderChecks = new BoundedChecks("rules-folder", 1, config.checkTimeout());
        this.draftChecks = new BoundedChecks("rules-draft", config.draftChecks(), config.checkTimeout());
        Check check = checkFolder();
        if (!check.passed()) {
            // Nothing serves yet, so nothing can keep serving: refuse to start, saying what to fix.
            throw new RuleSetInvalid(directory.toString(), problemsOf(check));
        }
        Optional<String> lastVersion = stored.lastActivatedVersion();
        activate(check.ruleSet(), STARTUP);
        if (lastVersion.isPresent() && !lastVersion.get().equals(check.version())) {
            reevaluations.afterRuleSetChange(check.ruleSet());
        }
        watcher = config.watch() ? watch() : null;
    }

    /** Checks the rules directory again and activates it if it changed, compiles and passes its scenarios. */
    public synchronized void reload(String trigger) {
        Check check;
        try {
            check = checkFolder();
        } catch (RuleSetInvalid e) {
            check = new Check(null, null, e.problems(), List.of());
        }
        if (!check.passed()) {
            lastRejection = new Rejection(Instant.now(), trigger, check.version(), check.problems(),
                    check.failedScenarios());
            metrics.reloadRefused();
            LOG.warnf("Rules in %s not activated; %s stays active:%n%s", directory, active.current().version(),
                    String.join("\n", problemsOf(check).stream().map(Object::toString).toList()));
            return;
        }
        if (!check.version().equals(active.current().version())) {
            // Counted before the swap, and the wait recorded before it too: no scheduled run may slip in between.
            List<WhatIf> whatIf = gate.enabled() ? gate.whatIf(check.ruleSet()) : List.of();
            boolean waitForPerson = BulkDowngradeGate.needsConfirmation(whatIf);
            if (waitForPerson) {
                confirmations.request(check.version(), active.current().version(), whatIf);
            } else {
                confirmations.supersedePending();
            }
            activate(check.ruleSet(), trigger);
            metrics.reloadAccepted();
            if (!waitForPerson) {
                reevaluations.afterRuleSetChange(check.ruleSet());
            }
        }
    }

    /**
     * Compiles a draft's files and runs the scenarios on them, on a thread of its own within
     * {@code tierup.rules.check-timeout}; a check that runs over is stopped and reported as a problem.
     */
    public Check check(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        return bounded(draftChecks, ruleFiles, scenarioFiles);
    }

    private Check checkFolder() {
        return bounded(folderChecks, RuleSetCompiler.readFiles(directory), ScenarioRunner.readScenarioFiles(directory));
    }

    private Check bounded(BoundedChecks checks, Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        try {
            return checks.run(() -> checkNow(ruleFiles, scenarioFiles));
        } catch (BoundedChecks.TimedOut e) {
            LOG.warnf("Checking rules %s: %s", RuleSetCompiler.versionOf(ruleFiles), e.getMessage());
            return new Check(null, RuleSetCompiler.versionOf(ruleFiles), List.of(new RuleSetInvalid.Problem(
                    "(rules)", 0, 0, e.getMessage() + ": a rule runs too long or does not end")), List.of());
        } catch (BoundedChecks.Busy e) {
            throw new TooManyRequests("Rule checks: " + e.getMessage(), checks.timeout().toSeconds());
        }
    }

    /** Check threads that ran over their time and could not be stopped (readiness reports them). */
    int overrunningChecks() {
        return folderChecks.overrunning() + draftChecks.overrunning();
    }

    /** The folder watcher, when the folder is watched. */
    Optional<DirectoryWatcher> watcher() {
        return Optional.ofNullable(watcher);
    }

    /** Compiles the files (reusing the active rule set when they are the same) and runs the scenarios on them. */
    private Check checkNow(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        RuleSet ruleSet;
        RuleSet current = active.active() == null ? null : active.current();
        if (current != null && current.version().equals(RuleSetCompiler.versionOf(ruleFiles))) {
            ruleSet = current;
        } else {
            try {
                ruleSet = compiler.compile(directory.toString(), ruleFiles);
            } catch (RuleSetInvalid e) {
                return new Check(null, RuleSetCompiler.versionOf(ruleFiles), e.problems(), List.of());
            }
        }
        return new Check(ruleSet, ruleSet.version(), List.of(), scenarioRunner.run(ruleSet, scenarioFiles));
    }

    /** The scenario files in the rules directory now. */
    public Map<String, String> scenarioFiles() {
        return ScenarioRunner.readScenarioFiles(directory);
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    private void activate(RuleSet ruleSet, String trigger) {
        stored.recordActivation(ruleSet, trigger);
        active.activate(ruleSet, trigger);
        cutOffs.useFor(ruleSet);
        LOG.infof("Rule set %s active (%s): %s", ruleSet.version(), trigger, ruleSet.files().keySet());
    }

    private DirectoryWatcher watch() {
        try {
            return new DirectoryWatcher(List.of(directory, directory.resolve(ScenarioRunner.DIRECTORY)),
                    () -> reload(FILE_CHANGE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + directory, e);
        }
    }

    private static List<RuleSetInvalid.Problem> problemsOf(Check check) {
        List<RuleSetInvalid.Problem> problems = new ArrayList<>(check.problems());
        for (ScenarioResult failed : check.failedScenarios()) {
            problems.add(new RuleSetInvalid.Problem(failed.file(), 0, 0,
                    "scenario '" + failed.scenario() + "' failed: " + String.join("; ", failed.failures())));
        }
        return problems;
    }

    @PreDestroy
    void stopWatching() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
