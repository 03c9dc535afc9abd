package com.tierupgrade;

import java.nio.file.Path;

import org.jboss.logging.Logger;

import com.tierupgrade.db.EmbeddedDatabase;
import com.tierupgrade.publishing.LaunchCompilation;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. With no database configured it first starts the embedded PostgreSQL, keeping its data in
 * {@code TIERUP_DATA_DIRECTORY} (default {@code data/postgres}) across restarts. The rules folder is compiled
 * meanwhile (see {@link LaunchCompilation}).
 */
@QuarkusMain
public class Main {

    private static final Logger LOG = Logger.getLogger(Main.class);

    public static void main(String... args) {
        LaunchCompilation.start(Path.of(System.getenv().getOrDefault("TIERUP_RULES_DIRECTORY", "rules")));
        if (EmbeddedDatabase.externalConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDirectory = Path.of(System.getenv().getOrDefault("TIERUP_DATA_DIRECTORY", "data/postgres"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, true)) {
            database.datasourceConfig().forEach(System::setProperty);
            LOG.infof("Embedded PostgreSQL at %s, data in %s", database.jdbcUrl(), dataDirectory.toAbsolutePath());
            Quarkus.run(args);
        }
    }
}
