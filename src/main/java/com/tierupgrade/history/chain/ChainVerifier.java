package com.tierupgrade.history.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.db.Jdbc;

/**
 * Recomputes the hash chains of the history tables (migration V16_2) in one read-only snapshot: one scan per table,
 * set-wise in PostgreSQL, and names the first row that does not match (docs/history.md#tamper-evidence).
 */
@ApplicationScoped
public class ChainVerifier {

    /** The chains, in the order their first broken link is reported. */
    static final List<Chain> CHAINS = List.of(
            Chain.perCustomer("history_entry"),
            Chain.perCustomer("evaluation"),
            Chain.perCustomer("attribute_change"),
            Chain.perCustomer("customer_event_log"),
            Chain.perTable("ruleset", "seq", "version"),
            Chain.perTable("ruleset_activation", "id", "id"));

    /** Every stored event must be the latest version its id has in the chained log, and every logged id stored. */
    private static final String EVENTS = """
            SELECT coalesce(e.customer_id, l.customer_id), coalesce(e.event_id, l.event_id),
                   CASE WHEN l.event_id IS NULL THEN 'not in customer_event_log: written past the service'
                        WHEN e.event_id IS NULL THEN 'removed: customer_event_log has it'
                        ELSE 'differs from its latest version in customer_event_log: changed past the service' END,
                   CASE WHEN l.event_id IS NOT NULL THEN jsonb_build_array(l.type, l.at, l.fields)::text END,
                   CASE WHEN e.event_id IS NOT NULL THEN jsonb_build_array(e.type, e.at, e.fields)::text END,
                   (e.event_id IS NULL OR l.event_id IS NULL
                    OR (e.type, e.at, e.fields) IS DISTINCT FROM (l.type, l.at, l.fields)) AS broken
            FROM (SELECT * FROM customer_event WHERE (?::text IS NULL OR customer_id = ?)) e
            FULL JOIN (SELECT DISTINCT ON (customer_id, event_id) customer_id, event_id, type, at, fields
                       FROM customer_event_log WHERE (?::text IS NULL OR customer_id = ?)
                       ORDER BY customer_id, event_id, id DESC) l
                ON l.customer_id = e.customer_id AND l.event_id = e.event_id""";

    /**
     * A TRUNCATE empties a whole chain, which leaves no broken link: a customer with a decision has evaluations, and
     * an evaluation has entries (the service writes an evaluation only with the entries it changed).
     */
    private static final String EMPTIED = """
            SELECT 'evaluation', c.id, c.id, 'a customer with a decision has no evaluation: rows were removed'
            FROM customer c WHERE c.as_of IS NOT NULL AND (?::text IS NULL OR c.id = ?)
              AND NOT EXISTS (SELECT 1 FROM evaluation v WHERE v.customer_id = c.id)
            UNION ALL
            (SELECT 'history_entry', v.customer_id, v.id::text, 'evaluation ' || v.id || ' has no entries: rows were removed'
             FROM evaluation v WHERE (?::text IS NULL OR v.customer_id = ?)
               AND NOT EXISTS (SELECT 1 FROM history_entry h WHERE h.evaluation_id = v.id)
             ORDER BY v.id)
            LIMIT 1""";

    private final Jdbc jdbc;

    ChainVerifier(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every chain, or only those of one customer (and the per-table chains of rule sets). */
    public Verification verify(Optional<String> customerId) {
        String customer = customerId.orElse(null);
        return jdbc.readOnly(List.of("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), connection -> {
            Map<String, Long> checked = new LinkedHashMap<>();
            BrokenLink first = null;
            for (Chain chain : CHAINS) {
                Optional<BrokenLink> broken = check(connection, chain, customer, checked);
                if (first == null && broken.isPresent()) {
                    first = broken.get();
                }
            }
            Optional<BrokenLink> events = checkEvents(connection, customer, checked);
            if (first == null && events.isPresent()) {
                first = events.get();
            }
            if (first == null) {
                first = emptied(connection, customer).orElse(null);
            }
            return new Verification(first == null, checked, first);
        });
    }

    private static Optional<BrokenLink> check(Connection connection, Chain chain, String customer,
            Map<String, Long> checked) throws SQLException {
        boolean oneCustomer = customer != null && chain.perCustomer();
        String sql = "SELECT count(*), coalesce(bool_or(broken), false),"
                + " (array_agg(customer_id ORDER BY position) FILTER (WHERE broken))[1],"
                + " (array_agg(name ORDER BY position) FILTER (WHERE broken))[1],"
                + " (array_agg(expected_prev ORDER BY position) FILTER (WHERE broken))[1],"
                + " (array_agg(found_prev ORDER BY position) FILTER (WHERE broken))[1],"
                + " (array_agg(expected_hash ORDER BY position) FILTER (WHERE broken))[1],"
                + " (array_agg(found_hash ORDER BY position) FILTER (WHERE broken))[1]"
                + " FROM (SELECT l.*, (expected_prev IS DISTINCT FROM found_prev"
                + " OR expected_hash IS DISTINCT FROM found_hash) AS broken FROM (" + chain.links(oneCustomer)
                + ") l) c";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (oneCustomer) {
                statement.setString(1, customer);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                checked.put(chain.table(), row.getLong(1));
                if (!row.getBoolean(2)) {
                    return Optional.empty();
                }
                return Optional.of(link(chain.table(), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8)));
            }
        }
    }

    private static BrokenLink link(String table, String customerId, String id, String expectedPrev, String foundPrev,
            String expectedHash, String foundHash) {
        if (foundHash == null) {
            return new BrokenLink(table, customerId, id, expectedHash, null,
                    "no hash: written past the service (with its triggers disabled)");
        }
        if (!Objects.equals(expectedPrev, foundPrev)) {
            return new BrokenLink(table, customerId, id, expectedPrev, foundPrev, expectedPrev == null
                    ? "the first row of its chain names a row before it: rows before it were removed"
                    : "does not link to the row before it: a row between them was removed or added, or the row"
                            + " before it was rewritten with its hash");
        }
        return new BrokenLink(table, customerId, id, expectedHash, foundHash,
                "its content does not match its hash: changed after it was written");
    }

    private static Optional<BrokenLink> checkEvents(Connection connection, String customer,
            Map<String, Long> checked) throws SQLException {
        String sql = "SELECT count(*), coalesce(bool_or(broken), false), (array_agg(c1 ORDER BY c1, c2) FILTER (WHERE broken))[1],"
                + " (array_agg(c2 ORDER BY c1, c2) FILTER (WHERE broken))[1],"
                + " (array_agg(c3 ORDER BY c1, c2) FILTER (WHERE broken))[1],"
                + " (array_agg(c4 ORDER BY c1, c2) FILTER (WHERE broken))[1],"
                + " (array_agg(c5 ORDER BY c1, c2) FILTER (WHERE broken))[1]"
                + " FROM (" + EVENTS + ") AS x (c1, c2, c3, c4, c5, broken)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(connection, statement, customer, customer, customer, customer);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                checked.put("customer_event", row.getLong(1));
                if (!row.getBoolean(2)) {
                    return Optional.empty();
                }
                return Optional.of(new BrokenLink("customer_event", row.getString(3), row.getString(4),
                        row.getString(6), row.getString(7), row.getString(5)));
            }
        }
    }

    private static Optional<BrokenLink> emptied(Connection connection, String customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EMPTIED)) {
            Jdbc.bind(connection, statement, customer, customer, customer, customer);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BrokenLink(row.getString(1), row.getString(2), row.getString(3), null, null,
                        row.getString(4)));
            }
        }
    }
}
