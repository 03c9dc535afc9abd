package com.tierupgrade.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.tierupgrade.publishing.draft.Draft;
import com.tierupgrade.publishing.draft.Drafts;
import com.tierupgrade.publishing.scenario.ScenarioRunner;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;

import io.quarkus.runtime.Startup;

/**
 * The rules folder as a way in for teams that keep rules in git. At start-up, and whenever it changes, its files
 * become a draft by the author {@code rules-folder}, published at once unless {@code tierup.rules.folder-publishes}
 * is off. A folder identical to its last import is not imported again, so a restart does not undo what editors
 * published since. Then this instance activates the latest publication and listens for the next ones.
 */
@Startup
@ApplicationScoped
public class RulesFolder {

    public static final String AUTHOR = "rules-folder";

    private static final Logger LOG = Logger.getLogger(RulesFolder.class);

    private final Path directory;
    private final RulesConfig config;
    private final RuleSetActivation activation;
    private final Drafts drafts;
    private final StoredRuleSets stored;
    private final PublicationListener listener;
    private final DirectoryWatcher watcher;

    RulesFolder(RulesConfig config, RuleSetActivation activation, Drafts drafts, StoredRuleSets stored,
            PublicationListener listener) {
        this.directory = Path.of(config.directory());
        this.config = config;
        this.activation = activation;
        this.drafts = drafts;
        this.stored = stored;
        this.listener = listener;
        // At start-up there is nothing to fall back on for a folder that changed: a failure stops the start.
        importFolder(RuleSetActivation.STARTUP, readFolder());
        activation.followLatest(RuleSetActivation.STARTUP);
        listener.start();
        watcher = config.watch() ? watch() : null;
    }

    /** Imports the folder again; a folder that cannot be read or does not pass is refused, the active rules stay. */
    public synchronized void reload(String trigger) {
        Map<String, String> files;
        try {
            files = readFolder();
        } catch (RuleSetInvalid e) {
            activation.reject(trigger, e.problems());
            return;
        }
        try {
            importFolder(trigger, files);
        } catch (RuleSetInvalid e) {
            // Kept as the latest rejection by the gate, and logged there.
        }
    }

    private Map<String, String> readFolder() {
        return DraftFiles.join(RuleSetCompiler.readFiles(directory), ScenarioRunner.readScenarioFiles(directory));
    }

    private void importFolder(String trigger, Map<String, String> files) {
        boolean nothingPublished = stored.latestId().isEmpty();
        Optional<Draft> last = drafts.latestBy(AUTHOR);
        if (!nothingPublished && last.isPresent() && last.get().files().equals(files)
                && (last.get().published() || !config.folderPublishes())) {
            return;
        }
        Draft draft = drafts.create("rules folder " + directory, AUTHOR, stored.lastActivatedVersion().orElse(null),
                files);
        if (!config.folderPublishes() && !nothingPublished) {
            LOG.infof("The rules folder %s is saved as draft %d; publish it from the console or the API", directory,
                    draft.id());
            return;
        }
        activation.publish(DraftFiles.rules(files), DraftFiles.scenarios(files), new RuleSetActivation.Publisher(trigger, AUTHOR, null, AUTHOR,
                "imported from the rules folder " + directory, draft), false, directory.toString());
    }

    private DirectoryWatcher watch() {
        try {
            return new DirectoryWatcher(List.of(directory, directory.resolve(ScenarioRunner.DIRECTORY)),
                    () -> reload(RuleSetActivation.FILE_CHANGE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + directory, e);
        }
    }

    /** The folder watcher, when the folder is watched. */
    Optional<DirectoryWatcher> watcher() {
        return Optional.ofNullable(watcher);
    }

    @PreDestroy
    void stop() throws IOException {
        listener.stop();
        if (watcher != null) {
            watcher.close();
        }
    }
}
