package com.tierupgrade.integration.outbox;

import java.util.List;
import java.util.stream.Collectors;

/** The history entry ids of the outbox rows one dispatch handles, oldest first. */
public record OutboxBatch(List<Long> ids) {

    public OutboxBatch {
        ids = List.copyOf(ids);
    }

    /** The ids as a PostgreSQL array literal, for {@code = ANY(CAST(?1 AS bigint[]))}. */
    public String sqlArray() {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
