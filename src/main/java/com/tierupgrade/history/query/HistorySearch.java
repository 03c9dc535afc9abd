package com.tierupgrade.history.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.Kind;
import com.tierupgrade.rules.engine.ActiveRuleSet;

/**
 * Reads history entries across customers with the filters of a {@link HistoryQuery}, oldest first: a page (keyset on
 * the entry id, never OFFSET) or every matching entry through a server-side cursor. Plain JDBC: one SQL statement,
 * no entities loaded, and rows are handed on as they arrive. Reads only.
 */
@ApplicationScoped
public class HistorySearch {

    /** Rows fetched per round trip while exporting; the export never holds more than this many in memory. */
    static final int FETCH_SIZE = 1000;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ActiveRuleSet rules;

    HistorySearch(Jdbc jdbc, ActiveRuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * The page after {@code query.after()}: at most {@code query.limit()} entries, and the id to read on from when more
     * follow ({@code next} is left to the caller, which knows the request).
     */
    public HistoryPage page(HistoryQuery query) {
        List<HistoryRow> rows = new ArrayList<>();
        jdbc.work(connection -> {
            try (PreparedStatement statement = prepare(connection, query, query.limit() + 1)) {
                read(statement, rows::add);
            }
            return null;
        });
        if (rows.size() <= query.limit()) {
            return new HistoryPage(rows, null, null);
        }
        List<HistoryRow> page = rows.subList(0, query.limit());
        long last = page.get(page.size() - 1).id();
        return new HistoryPage(List.copyOf(page), last, null);
    }

    /**
     * Hands every entry matching the filters (from {@code query.after()} on, whatever the limit) to {@code each},
     * oldest first, reading {@link #FETCH_SIZE} rows at a time through a cursor, in one read-only snapshot.
     */
    public void forEach(HistoryQuery query, Consumer<HistoryRow> each) {
        jdbc.readOnly(List.of(), connection -> {
            try (PreparedStatement statement = prepare(connection, query, 0)) {
                statement.setFetchSize(FETCH_SIZE);
                read(statement, each);
            }
            return null;
        });
    }

    private PreparedStatement prepare(Connection connection, HistoryQuery query, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT h.id, h.customer_id, h.as_of, h.dimension, h.kind, h.from_value, h.to_value,
                       CAST(h.reasons AS text), h.rule, h.warning, CAST(e.fired_rules AS text), h.ruleset_version,
                       h.cause, e.recorded_at, h.author, h.manual, h.expires_at
                FROM history_entry h JOIN evaluation e ON e.id = h.evaluation_id
                WHERE h.id > ?""");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.after());
        if (query.customers().size() == 1) {
            sql.append(" AND h.customer_id = ?");
            parameters.add(query.customers().get(0));
        } else if (!query.customers().isEmpty()) {
            sql.append(" AND h.customer_id = ANY (?)");
            parameters.add(query.customers());
        }
        condition(sql, parameters, "h.dimension = ?", query.dimension());
        if (query.kinds().size() == 1) {
            condition(sql, parameters, "h.kind = ?", query.kinds().get(0).name());
        } else if (!query.kinds().isEmpty()) {
            // Spelled out rather than bound as an array, so the planner matches the partial index of manual entries.
            sql.append(" AND h.kind IN (").append(String.join(", ", query.kinds().stream()
                    .map(kind -> "'" + kind.name() + "'").toList())).append(")");
        }
        condition(sql, parameters, "h.author = ?", query.author());
        if (query.reason() != null) {
            sql.append(" AND h.kind IN ('OVERRIDE', 'HOLD', 'RELEASE')");
            condition(sql, parameters, "h.reasons @> CAST(? AS jsonb)", jdbc.json(List.of(query.reason())));
        }
        condition(sql, parameters, "h.from_value = ?", query.from());
        condition(sql, parameters, "h.to_value = ?", query.to());
        condition(sql, parameters, "e.fired_rules @> CAST(? AS jsonb)",
                query.rule() == null ? null : jdbc.json(List.of(query.rule())));
        condition(sql, parameters, "h.ruleset_version = ?", query.rulesetVersion());
        condition(sql, parameters, "h.cause = ?", query.cause() == null ? null : query.cause().name());
        condition(sql, parameters, "h.as_of >= ?", query.since() == null ? null : query.since().atOffset(ZoneOffset.UTC));
        condition(sql, parameters, "h.as_of < ?", query.until() == null ? null : query.until().atOffset(ZoneOffset.UTC));
        sql.append(" ORDER BY h.id");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        Jdbc.bind(connection, statement, parameters.toArray());
        return statement;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    private void read(PreparedStatement statement, Consumer<HistoryRow> each) throws SQLException {
        DisplayNames names = new DisplayNames(rules.current().ladders());
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String dimension = rows.getString(4);
                String from = rows.getString(6);
                String to = rows.getString(7);
                each.accept(new HistoryRow(rows.getLong(1), rows.getString(2),
                        rows.getObject(3, OffsetDateTime.class).toInstant(), dimension, names.dimension(dimension),
                        Kind.valueOf(rows.getString(5)), from, names.value(dimension, from), to,
                        names.value(dimension, to), jdbc.fromJson(rows.getString(8), STRINGS), rows.getString(9), rows.getString(10),
                        jdbc.fromJson(rows.getString(11), STRINGS), rows.getString(12), Cause.valueOf(rows.getString(13)),
                        rows.getObject(14, OffsetDateTime.class).toInstant(), rows.getString(15), rows.getString(16),
                        Optional.ofNullable(rows.getObject(17, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null)));
            }
        }
    }
}
