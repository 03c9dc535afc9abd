package com.tierupgrade.publishing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.tierupgrade.ops.Metrics;
import com.tierupgrade.population.PopulationCutOffs;
import com.tierupgrade.publishing.draft.Draft;
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

/**
 * The gate every rule set passes and the one place that activates one. Files are published only when they compile
 * and every scenario passes; the publication is stored and announced in one transaction, and every instance (this
 * one at once, the others when they hear of it) activates the latest publication, compiled and checked again. The
 * swap is atomic; after a new version every customer is re-evaluated in the background by the instance that
 * published it. Anything refused leaves the active rule set serving and is kept as the latest rejected attempt.
 */
@ApplicationScoped
public class RuleSetActivation {

    public static final String STARTUP = "STARTUP";
    public static final String FILE_CHANGE = "FILE_CHANGE";
    public static final String PUBLISH = "PUBLISH";
    public static final String ROLLBACK = "ROLLBACK";

    private static final Logger LOG = Logger.getLogger(RuleSetActivation.class);
    /** How many checked rule sets are kept: each holds a compiled rule base. */
    private static final int PREPARED = 4;

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

    /** Who wrote, approved and publishes, why, and from which draft (null for a roll-back). */
    public record Publisher(String trigger, String author, String approver, String publishedBy, String comment,
            Draft draft) {
    }

    private final Path directory;
    private final ActiveRuleSet active;
    private final StoredRuleSets stored;
    private final Reevaluations reevaluations;
    private final PopulationCutOffs cutOffs;
    private final Simulation simulation;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final ScenarioRunner scenarioRunner;
    /** Checks before a publication or an activation (folder, publish, roll back, following): one at a time. */
    private final BoundedChecks publishChecks;
    /** Checks of drafts (validate, simulate, a draft's checks): their own limit, answered 429 beyond it. */
    private final BoundedChecks draftChecks;
    /** Checks in the background of drafts saved on any instance (one at a time). */
    private final BoundedChecks preparedChecks;
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rules-prepare");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Passed checks of recent rule sets by version and scenarios: those active here before (a roll-back to one is a
     * swap) and drafts saved on any instance, checked ahead of their publication (in progress while not done).
     */
    private final Map<String, Future<Check>> prepared = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Future<Check>> eldest) {
                    return size() > PREPARED;
                }
            });
    private volatile Rejection lastRejection;
    private volatile long followedPublication;
    private volatile Map<String, String> activeScenarios;
    /** The latest rule set compiled, so publishing what was just validated does not compile it again. */
    private volatile RuleSet lastCompiled;
    @Inject
    Metrics metrics;
    @Inject
    BulkDowngradeGate gate;
    @Inject
    BulkConfirmations confirmations;

    RuleSetActivation(RulesConfig config, ActiveRuleSet active, StoredRuleSets stored, Reevaluations reevaluations,
            PopulationCutOffs cutOffs, Simulation simulation, RuleEngine engine) {
        this.directory = Path.of(config.directory());
        this.active = active;
        this.stored = stored;
        this.reevaluations = reevaluations;
        this.cutOffs = cutOffs;
        this.simulation = simulation;
        this.scenarioRunner = new ScenarioRunner(engine);
        this.publishChecks = new BoundedChecks("rules-publish", 1, config.checkTimeout());
        this.draftChecks = new BoundedChecks("rules-draft", config.draftChecks(), config.checkTimeout());
        this.preparedChecks = new BoundedChecks("rules-prepare", 1, config.checkTimeout());
    }

    /**
     * Checks these files in the background, unless they are checked already: when they are published (here or on
     * another instance), activating them here is a swap.
     */
    public void prepare(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        String key = keyOf(ruleFiles, scenarioFiles);
        prepared.computeIfAbsent(key, k -> preparer.submit(() -> {
            try {
                Check check = bounded(preparedChecks, ruleFiles, scenarioFiles);
                if (!check.passed()) {
                    prepared.remove(k);
                }
                LOG.infof("Rule set %s checked ahead of its publication: %s", check.version(),
                        check.passed() ? "ready" : "refused");
                return check;
            } catch (RuntimeException e) {
                prepared.remove(k);
                throw e;
            }
        }));
    }

    /** The check of these files for a publication or an activation. */
    private Check checkForActivation(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        return checkOnce(publishChecks, ruleFiles, scenarioFiles);
    }

    /**
     * Checks these files once: a check of the same files and scenarios that passed, or is under way (prepared ahead,
     * or asked for by someone else), is waited for and shared instead of compiling again.
     */
    private Check checkOnce(BoundedChecks checks, Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        if (scenarioFiles.isEmpty()) {
            Optional<RuleSet> compiled = compiledAhead(RuleSetCompiler.versionOf(ruleFiles), checks);
            if (compiled.isPresent()) {
                return new Check(compiled.get(), compiled.get().version(), List.of(), List.of());
            }
        }
        String key = keyOf(ruleFiles, scenarioFiles);
        CompletableFuture<Check> mine = new CompletableFuture<>();
        Future<Check> existing = prepared.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.get(checks.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.debugf("The check under way for %s is not usable (%s); checking again", key, e);
                return bounded(checks, ruleFiles, scenarioFiles);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return bounded(checks, ruleFiles, scenarioFiles);
            }
        }
        try {
            Check check = bounded(checks, ruleFiles, scenarioFiles);
            mine.complete(check);
            if (!check.passed()) {
                prepared.remove(key, mine);
            }
            return check;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            prepared.remove(key, mine);
            throw e;
        }
    }

    /**
     * The rule set of {@code version} compiled by a check with scenarios (done or under way), for a caller that only
     * needs it compiled (a simulation): waiting for that check costs less than compiling the same files again.
     */
    private Optional<RuleSet> compiledAhead(String version, BoundedChecks checks) {
        List<Future<Check>> candidates;
        synchronized (prepared) {
            candidates = prepared.entrySet().stream().filter(entry -> entry.getKey().startsWith(version + "+"))
                    .map(Map.Entry::getValue).toList();
        }
        for (Future<Check> candidate : candidates) {
            try {
                Check check = candidate.get(checks.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (check.ruleSet() != null) {
                    return Optional.of(check.ruleSet());
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debugf("A check of %s under way is not usable (%s)", version, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String keyOf(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        return RuleSetCompiler.versionOf(ruleFiles) + "+" + RuleSetCompiler.versionOf(scenarioFiles);
    }

    /**
     * Checks the files and, when they pass, publishes them: stored with who and why (and, when asked, the what-if
     * against the active rules), announced, active here at once. Refused files throw {@link RuleSetInvalid} naming
     * {@code source}, and are kept as the latest rejection. A new version that would move down more holders than
     * {@code tierup.reevaluation.bulk} allows is active at once, but its bulk re-evaluation waits for a person.
     */
    public synchronized StoredRuleSets.Activation publish(Map<String, String> ruleFiles,
            Map<String, String> scenarioFiles, Publisher publisher, boolean withWhatIf, String source) {
        Check check = checkForActivation(ruleFiles, scenarioFiles);
        if (!check.passed()) {
            reject(publisher.trigger(), check);
            throw new RuleSetInvalid(source, problemsOf(check));
        }
        RuleSet serving = active.active() == null ? null : active.current();
        boolean changes = serving != null && !serving.version().equals(check.version());
        Object whatIf = withWhatIf && serving != null ? simulation.run(check.ruleSet(), Instant.now()) : null;
        // Counted before the swap, and the wait recorded before it too: no scheduled run may slip in between.
        List<WhatIf> downgrades = changes && gate.enabled() ? gate.whatIf(check.ruleSet()) : List.of();
        boolean waitForPerson = BulkDowngradeGate.needsConfirmation(downgrades);
        if (waitForPerson) {
            confirmations.request(check.version(), serving.version(), downgrades);
        } else if (changes) {
            confirmations.supersedePending();
        }
        Optional<String> before = stored.lastActivatedVersion();
        long id = stored.publish(new StoredRuleSets.NewPublication(check.version(), check.ruleSet().files(),
                scenarioFiles, publisher.trigger(), publisher.author(), publisher.approver(), publisher.publishedBy(),
                publisher.comment(), publisher.draft(), whatIf));
        activate(check, scenarioFiles, id, publisher.trigger());
        metrics.reloadAccepted();
        if (!waitForPerson && before.isPresent() && !before.get().equals(check.version())) {
            reevaluations.afterRuleSetChange(check.ruleSet());
        }
        return stored.find(check.version()).orElseThrow().activations().get(0);
    }

    /**
     * Activates the latest publication if this instance does not serve it yet. {@code trigger} says why this
     * instance activates it (null: the publication's own trigger). With nothing active yet, a publication that does
     * not compile or pass is fatal; otherwise it is refused and the active rules keep serving.
     */
    public synchronized boolean followLatest(String trigger) {
        Optional<Long> latestId = stored.latestId();
        if (latestId.isEmpty() || latestId.get() <= followedPublication) {
            return false;
        }
        StoredRuleSets.Publication publication = stored.latest().orElseThrow();
        Map<String, String> scenarios = publication.scenarios() != null ? publication.scenarios()
                : ScenarioRunner.readScenarioFiles(directory);
        String why = trigger == null ? publication.activation().trigger() : trigger;
        // A publication passed its gate when it was published: at start-up it is compiled, not gated again (the
        // start waits for nothing else), and its scenarios are run once more in the background.
        boolean starting = active.active() == null;
        Check check = starting ? bounded(publishChecks, publication.files(), Map.of())
                : checkForActivation(publication.files(), scenarios);
        if (!check.passed()) {
            followedPublication = publication.activation().id();
            reject(why, check);
            if (active.active() == null) {
                throw new RuleSetInvalid("publication " + publication.activation().id(), problemsOf(check));
            }
            return false;
        }
        activate(check, scenarios, publication.activation().id(), why);
        if (starting) {
            preparer.submit(() -> recheck(check.ruleSet(), scenarios));
        }
        return true;
    }

    /** Runs the scenarios of a rule set activated at start-up; one that fails them now is reported, not dropped. */
    private void recheck(RuleSet ruleSet, Map<String, String> scenarios) {
        String key = keyOf(ruleSet.files(), scenarios);
        try {
            Check check = bounded(preparedChecks, ruleSet.files(), scenarios);
            if (check.passed()) {
                prepared.put(key, CompletableFuture.completedFuture(check));
                LOG.infof("Rule set %s passes its scenarios again", ruleSet.version());
                return;
            }
            prepared.remove(key);
            LOG.errorf("Rule set %s passed its scenarios when it was published but fails them on this build of the "
                    + "service; it keeps serving until a publication replaces it:%n%s", ruleSet.version(),
                    String.join("\n", problemsOf(check).stream().map(Object::toString).toList()));
        } catch (RuntimeException e) {
            LOG.warnf("The scenarios of rule set %s could not be run again after the start: %s", ruleSet.version(),
                    e.getMessage());
        }
    }

    /**
     * Compiles a draft's files and runs the scenarios on them, on a thread of its own within
     * {@code tierup.rules.check-timeout}; a check that runs over is stopped and reported as a problem.
     */
    public Check check(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        return checkOnce(draftChecks, ruleFiles, scenarioFiles);
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
        return publishChecks.overrunning() + draftChecks.overrunning() + preparedChecks.overrunning();
    }

    /** Compiles the files (reusing the active rule set when they are the same) and runs the scenarios on them. */
    private Check checkNow(Map<String, String> ruleFiles, Map<String, String> scenarioFiles) {
        RuleSet ruleSet;
        String version = RuleSetCompiler.versionOf(ruleFiles);
        RuleSet current = active.active() == null ? null : active.current();
        RuleSet compiled = lastCompiled;
        if (current != null && current.version().equals(version)) {
            ruleSet = current;
        } else if (compiled != null && compiled.version().equals(version)) {
            ruleSet = compiled;
        } else {
            try {
                ruleSet = LaunchCompilation.take(version)
                        .orElseGet(() -> compiler.compile(directory.toString(), ruleFiles));
                lastCompiled = ruleSet;
            } catch (RuleSetInvalid e) {
                return new Check(null, version, e.problems(), List.of());
            }
        }
        return new Check(ruleSet, ruleSet.version(), List.of(), scenarioRunner.run(ruleSet, scenarioFiles));
    }

    /** The scenarios the active rule set was published with (the rules folder's, for rows older than drafts). */
    public Map<String, String> scenarioFiles() {
        Map<String, String> scenarios = activeScenarios;
        return scenarios != null ? scenarios : ScenarioRunner.readScenarioFiles(directory);
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    /** Records files that could not be read as refused, e.g. a rules folder that disappeared. */
    void reject(String trigger, List<RuleSetInvalid.Problem> problems) {
        reject(trigger, new Check(null, null, problems, List.of()));
    }

    private void reject(String trigger, Check check) {
        lastRejection = new Rejection(Instant.now(), trigger, check.version(), check.problems(),
                check.failedScenarios());
        metrics.reloadRefused();
        LOG.warnf("Rules (%s) not activated; %s stays active:%n%s", trigger,
                active.active() == null ? "nothing" : active.current().version(),
                String.join("\n", problemsOf(check).stream().map(Object::toString).toList()));
    }

    private void activate(Check check, Map<String, String> scenarios, long publication, String trigger) {
        RuleSet ruleSet = check.ruleSet();
        prepared.put(keyOf(ruleSet.files(), scenarios), CompletableFuture.completedFuture(check));
        followedPublication = Math.max(followedPublication, publication);
        activeScenarios = Map.copyOf(scenarios);
        active.activate(ruleSet, trigger);
        cutOffs.useFor(ruleSet);
        LOG.infof("Rule set %s active (publication %d, %s): %s", ruleSet.version(), publication, trigger,
                ruleSet.files().keySet());
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
    void stopPreparing() {
        preparer.shutdownNow();
    }
}
