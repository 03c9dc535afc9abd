package com.tierupgrade.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Counts the rows of every table of the service, to show that a request wrote nothing. */
public final class RowCounts {

    private static final List<String> TABLES = List.of("customer", "customer_event", "evaluation", "history_entry",
            "attribute_change", "population_cut_off", "outbox");

    private RowCounts() {
    }

    public static Map<String, Long> of(DataSource dataSource) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
