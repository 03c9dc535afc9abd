package com.tierupgrade.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from binaries that come from Maven Central, for machines with no database of
 * their own. It is used only when no {@code quarkus.datasource.jdbc.url} is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** The owner of the schema, who runs the migrations: the server's superuser. */
    public static final String OWNER = "postgres";
    /** The role the service connects as: it owns nothing and gets what it needs from migration V16_3. */
    public static final String SERVICE = "tierup_service";
    private static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when the user pointed the service at a PostgreSQL of their own. */
    public static boolean externalConfigured() {
        return System.getProperty(URL_PROPERTY) != null || System.getenv(URL_VARIABLE) != null;
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory}; an existing directory is reused, so data survives
     * restarts.
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData) {
        return start(dataDirectory, keepData, 0);
    }

    /** The same on a given port (0: any free one), e.g. to start a stopped server again where clients expect it. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData);
            if (port != 0) {
                builder.setPort(port);
            }
            if (keepData) {
                // The library turns fsync and synchronous commits off for speed; kept audit data must survive a crash.
                builder.setServerConfig("fsync", "on");
                builder.setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            createServiceRole(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** The service's role, created with the server (and kept with its data); the server trusts local connections. */
    private static void createServiceRole(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + SERVICE
                    + "') THEN CREATE ROLE " + SERVICE + " LOGIN PASSWORD '" + SERVICE + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the role " + SERVICE + ": " + e.getMessage(), e);
        }
    }

    /** The URL of the database, without a user: the library's own URL names one, which would override ours. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /**
     * The datasource settings that point Quarkus at this server: the service connects as {@link #SERVICE}, the
     * migrations run as the owner {@link #OWNER} (docs/operations.md#database-users).
     */
    public Map<String, String> datasourceConfig() {
        return Map.of(URL_PROPERTY, jdbcUrl(),
                "quarkus.datasource.username", SERVICE,
                "quarkus.datasource.password", SERVICE,
                "quarkus.flyway.username", OWNER,
                "quarkus.flyway.password", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
