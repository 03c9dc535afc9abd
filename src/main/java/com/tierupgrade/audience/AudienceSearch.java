package com.tierupgrade.audience;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.db.Jdbc;

/**
 * Runs audience queries with plain JDBC, each in a read-only transaction of its own: a preview or an export can never
 * write, and its settings last only for that transaction.
 */
@ApplicationScoped
public class AudienceSearch {

    /**
     * Per transaction: read only; no JIT (it costs 100–400 ms on every query above its cost threshold, more than it
     * saves here); no parallel workers (on 2 cores the parallel plans measured 1.5–3× slower: each worker builds the
     * same hash of a window's events); no hash joins or hash aggregates: the events come from the index in customer
     * order, and merging them with the customers' primary key was 2–4× faster than hashing a million text ids, which
     * the planner prefers by its estimates (docs/performance.md); sorts that remain fit in memory; and a plan made
     * for the actual values, never a generic plan of a statement the driver prepared before.
     */
    private static final List<String> SETTINGS = List.of(
            "SET TRANSACTION READ ONLY",
            "SET LOCAL jit = off",
            "SET LOCAL max_parallel_workers_per_gather = 0",
            "SET LOCAL enable_hashjoin = off",
            "SET LOCAL enable_hashagg = off",
            "SET LOCAL work_mem = '64MB'",
            "SET LOCAL plan_cache_mode = force_custom_plan");
    /** Rows fetched per round trip while exporting; the driver keeps no more than that in memory. */
    private static final int EXPORT_FETCH_SIZE = 10_000;

    private final Jdbc jdbc;

    AudienceSearch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Receives the ids of an export one by one. */
    @FunctionalInterface
    interface IdWriter {
        void write(String customerId) throws IOException;
    }

    /**
     * The count and the page after {@code after}, in one statement that finds the matching customers once: a page
     * query of its own would repeat the joins and aggregates of the count (measured on 1,000,000 customers, see
     * docs/performance.md: this halves a preview whose criteria aggregate events, and costs ~0.1 s more when almost
     * every customer matches).
     */
    Preview preview(Preview.Request request) {
        AudienceSql.Condition where = AudienceSql.where(request.query());
        String sql = "WITH matching AS MATERIALIZED (\nSELECT c.id FROM customer c WHERE " + where.sql() + ")\n"
                + "SELECT (SELECT count(*) FROM matching), ARRAY(SELECT id FROM matching"
                + (request.after() == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?)";
        return jdbc.readOnly(SETTINGS, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = bind(select, where.parameters(), 1);
                if (request.after() != null) {
                    select.setString(next++, request.after());
                }
                select.setInt(next, request.limit());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long count = rows.getLong(1);
                    List<String> ids = List.of((String[]) rows.getArray(2).getArray());
                    String last = ids.size() == request.limit() ? ids.get(ids.size() - 1) : null;
                    return new Preview(count, ids, last, request.query().asOf());
                }
            }
        });
    }

    /** Every matching id in id order, read through a cursor so that only one fetch is in memory at a time. */
    long export(AudienceQuery query, IdWriter writer) {
        AudienceSql.Condition where = AudienceSql.where(query);
        return jdbc.readOnly(SETTINGS, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT c.id FROM customer c WHERE " + where.sql() + "\nORDER BY c.id")) {
                bind(select, where.parameters(), 1);
                select.setFetchSize(EXPORT_FETCH_SIZE);
                long written = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        writer.write(rows.getString(1));
                        written++;
                    }
                }
                return written;
            }
        });
    }

    private static int bind(PreparedStatement statement, List<Object> parameters, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
