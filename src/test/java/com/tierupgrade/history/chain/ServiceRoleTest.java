package com.tierupgrade.history.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.DatabaseOwner;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's database role owns nothing: with what migration V16_3 grants it, it can append to and read the
 * history, but not TRUNCATE, UPDATE, DELETE, DISABLE TRIGGER or replicate past the triggers.
 */
@QuarkusTest
class ServiceRoleTest {

    @Inject
    DataSource dataSource;

    private static String one(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void shouldGiveTheServiceRoleAppendAndReadOnlyOnTheHistory() throws SQLException {
        // A role granted exactly what the service's role is granted, tried inside a transaction that is rolled back:
        // nothing it might manage to do stays.
        String probe = "probe_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection owner = DatabaseOwner.connect(); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            try {
                statement.execute("CREATE ROLE " + probe + " NOLOGIN");
                statement.execute("SELECT grant_service_role('" + probe + "')");
                statement.execute("SET ROLE " + probe);
                assertEquals(probe, one(statement, "SELECT current_user"));
                for (String sql : List.of(
                        "TRUNCATE history_entry CASCADE",
                        "TRUNCATE customer_event_log CASCADE",
                        "UPDATE history_entry SET reasons = '[]' WHERE id = -1",
                        "DELETE FROM evaluation WHERE id = -1",
                        "UPDATE attribute_change SET name = 'x' WHERE id = -1",
                        "UPDATE ruleset_activation SET trigger = 'x' WHERE id = -1",
                        "ALTER TABLE history_entry DISABLE TRIGGER ALL",
                        "ALTER TABLE history_entry DISABLE TRIGGER history_entry_chain",
                        "SET session_replication_role = replica",
                        "DROP TABLE history_entry CASCADE")) {
                    Savepoint before = owner.setSavepoint();
                    SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                    assertTrue(refused.getMessage().matches("(?s).*(permission denied|must be owner).*"),
                            sql + ": " + refused.getMessage());
                    owner.rollback(before);
                }
                // What the service does is allowed: read and append the history, change the current state.
                one(statement, "SELECT count(*) FROM history_entry");
                statement.executeUpdate("UPDATE customer SET updated_at = updated_at WHERE id = '-'");
            } finally {
                owner.rollback();
            }
        }
    }

    @Test
    void shouldConnectAsARoleThatOwnsNothingWhenAnOwnerIsConfigured() throws SQLException {
        String service = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(service, one(statement, "SELECT current_user"));
            String owner = one(statement, "SELECT tableowner FROM pg_tables WHERE schemaname = 'tierup'"
                    + " AND tablename = 'history_entry'");
            assertEquals(DatabaseOwner.user(), owner);
            if (!service.equals(owner)) {
                // The embedded default: tierup_service, owner of no table in the schema.
                assertEquals("0", one(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'tierup'"
                        + " AND tableowner = current_user"));
                assertNotEquals("true", one(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
            }
        }
    }
}
