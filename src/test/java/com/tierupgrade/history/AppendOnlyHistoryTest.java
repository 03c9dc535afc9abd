package com.tierupgrade.history;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Whoever holds a database connection still cannot rewrite or erase the audit trail. */
@QuarkusTest
class AppendOnlyHistoryTest {

    @Inject
    DataSource dataSource;

    private void execute(String sql, String customerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerId);
            statement.executeUpdate();
        }
    }

    @Test
    void shouldRefuseToUpdateOrDeleteHistory() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        for (String sql : new String[] {
                "UPDATE history_entry SET to_value = 'DISTRIBUTOR' WHERE customer_id = ?",
                "DELETE FROM history_entry WHERE customer_id = ?",
                "UPDATE evaluation SET ruleset_version = 'forged' WHERE customer_id = ?",
                "DELETE FROM evaluation WHERE customer_id = ?" }) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql, id), sql);
            // The append-only trigger refuses it, or before it the privileges: the service's role owns nothing and
            // may only insert into and read the history (migration V16_3).
            assertTrue(refused.getMessage().contains("append-only")
                    || refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }
}
