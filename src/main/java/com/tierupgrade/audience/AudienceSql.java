package com.tierupgrade.audience;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns criteria into one SQL condition on {@code customer c}. Every value a marketer gave — attribute and dimension
 * names included — is a bind parameter: names and values travel together as a small JSON document for the jsonb
 * containment operator {@code @>}, which the GIN indexes on attributes and dimensions serve. The SQL text depends
 * only on the shape of the criteria.
 *
 * <p>Event criteria use forms the planner can turn into (anti-)semi-joins, so it chooses between a merge with the
 * events of the type in customer order (index customer_event_audience) and a per-customer index probe by what the
 * other criteria leave:
 * <ul>
 * <li>at least one: {@code EXISTS (…)}; none: {@code NOT EXISTS (…)};</li>
 * <li>other bounds that a customer without such events fails: {@code c.id IN (… GROUP BY customer_id HAVING …)};</li>
 * <li>upper bounds only (a customer without events passes them): {@code NOT EXISTS} over the customers whose
 * events break them.</li>
 * </ul>
 */
final class AudienceSql {

    /** The amount of an event as a number, null when absent: the generated column of V4, kept in the index. */
    static final String AMOUNT = "e.amount";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** The condition, to follow {@code WHERE} in a query on {@code customer c}, and its parameters in order. */
    record Condition(String sql, List<Object> parameters) {
    }

    static Condition where(AudienceQuery query) {
        AudienceSql builder = new AudienceSql();
        for (Criterion criterion : query.criteria()) {
            if (!builder.sql.isEmpty()) {
                builder.sql.append("\n  AND ");
            }
            if (criterion instanceof Criterion.Values values) {
                builder.values(values);
            } else {
                builder.events((Criterion.Events) criterion, query);
            }
        }
        return new Condition(builder.sql.toString(), List.copyOf(builder.parameters));
    }

    private void values(Criterion.Values criterion) {
        sql.append(criterion.excluded() ? "NOT (" : "(");
        for (int i = 0; i < criterion.values().size(); i++) {
            ObjectNode contained = JsonNodeFactory.instance.objectNode();
            contained.set(criterion.name(), criterion.values().get(i));
            sql.append(i == 0 ? "" : " OR ").append(criterion.column().sql).append(" @> ?::jsonb");
            parameters.add(contained.toString());
            if (criterion.column() == Criterion.Column.DIMENSIONS) {
                // a multi-valued dimension holds an array of codes: any held role matches
                contained.putArray(criterion.name()).add(criterion.values().get(i));
                sql.append(" OR ").append(criterion.column().sql).append(" @> ?::jsonb");
                parameters.add(contained.toString());
            }
        }
        sql.append(')');
    }

    private void events(Criterion.Events criterion, AudienceQuery query) {
        if (criterion.onlyAtLeastOne() || criterion.onlyNone()) {
            sql.append(criterion.onlyNone() ? "NOT EXISTS" : "EXISTS")
                    .append(" (SELECT 1 FROM customer_event e WHERE e.customer_id = c.id AND ");
            window(criterion, query);
            sql.append(')');
            return;
        }
        boolean positive = criterion.requiresAnEvent();
        sql.append(positive ? "c.id IN (SELECT e.customer_id" : "NOT EXISTS (SELECT 1 FROM (SELECT e.customer_id")
                .append(" FROM customer_event e WHERE ");
        window(criterion, query);
        sql.append(" GROUP BY e.customer_id HAVING ").append(positive ? "" : "NOT (");
        List<String> bounds = new ArrayList<>();
        if (criterion.atLeast() != null) {
            bounds.add("count(*) >= ?");
            parameters.add(criterion.atLeast());
        }
        if (criterion.atMost() != null) {
            bounds.add("count(*) <= ?");
            parameters.add(criterion.atMost());
        }
        if (criterion.totalAmountAtLeast() != null) {
            bounds.add("coalesce(sum(" + AMOUNT + "), 0) >= ?");
            parameters.add(criterion.totalAmountAtLeast());
        }
        if (criterion.totalAmountAtMost() != null) {
            bounds.add("coalesce(sum(" + AMOUNT + "), 0) <= ?");
            parameters.add(criterion.totalAmountAtMost());
        }
        sql.append(String.join(" AND ", bounds));
        sql.append(positive ? ")" : ")) g WHERE g.customer_id = c.id)");
    }

    /** Events of the type and fields asked for, at or before asOf and, when a window is given, within it. */
    private void window(Criterion.Events criterion, AudienceQuery query) {
        sql.append("e.type = ? AND e.at <= ?");
        parameters.add(criterion.type());
        parameters.add(Timestamp.from(query.asOf()));
        if (criterion.withinDays() != null) {
            sql.append(" AND e.at > ?");
            parameters.add(Timestamp.from(query.asOf().minus(Duration.ofDays(criterion.withinDays()))));
        }
        JsonNode where = criterion.where();
        if (where != null) {
            sql.append(" AND e.fields @> ?::jsonb");
            parameters.add(where.toString());
        }
        for (String field : criterion.notTrue()) {
            ObjectNode isTrue = JsonNodeFactory.instance.objectNode();
            isTrue.put(field, true);
            sql.append(" AND NOT e.fields @> ?::jsonb");
            parameters.add(isTrue.toString());
        }
    }
}
