package com.tierupgrade.publishing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.jboss.logging.Logger;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Compiles the rules folder on a thread of its own as soon as the process starts, while the database is started or
 * migrated and the application boots: the rule set to activate at start-up is usually the folder's, and compiling it
 * is most of the start-up. Used only when its version is the one to activate; otherwise nothing but CPU is lost.
 */
public final class LaunchCompilation {

    private static final Logger LOG = Logger.getLogger(LaunchCompilation.class);
    private static volatile CompletableFuture<RuleSet> compiling;

    private LaunchCompilation() {
    }

    /** Starts compiling the rules in {@code directory}, if it is one. */
    public static void start(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        compiling = CompletableFuture.supplyAsync(
                () -> new RuleSetCompiler().compile(directory.toString(), RuleSetCompiler.readFiles(directory)),
                runnable -> {
                    Thread thread = new Thread(runnable, "rules-launch-compile");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** The rule set compiled at launch, when it is {@code version} (waits for it to finish); taken once. */
    static Optional<RuleSet> take(String version) {
        CompletableFuture<RuleSet> started = compiling;
        if (started == null) {
            return Optional.empty();
        }
        compiling = null;
        try {
            RuleSet ruleSet = started.get();
            return ruleSet.version().equals(version) ? Optional.of(ruleSet) : Optional.empty();
        } catch (ExecutionException e) {
            LOG.debugf("The rules folder did not compile at launch (%s); compiling what is published", e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
