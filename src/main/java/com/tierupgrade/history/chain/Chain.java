package com.tierupgrade.history.chain;

/**
 * One hash chain (migration V16_2): a table, the column that partitions it into chains (customer_id, or null for one
 * chain per table), the column that orders each chain and the column that names a row.
 */
record Chain(String table, String partition, String order, String name) {

    static Chain perCustomer(String table) {
        return new Chain(table, "customer_id", "id", "id");
    }

    static Chain perTable(String table, String order, String name) {
        return new Chain(table, null, order, name);
    }

    boolean perCustomer() {
        return partition != null;
    }

    /** Every row with whether it links to the row before it and whether its own hash matches its content. */
    String links(boolean oneCustomer) {
        String window = perCustomer() ? "PARTITION BY t.customer_id ORDER BY t." + order : "ORDER BY t." + order;
        return "SELECT " + (perCustomer() ? "t.customer_id" : "NULL::text") + " AS customer_id, t." + order
                + " AS position, t." + name + "::text AS name,"
                + " encode(lag(t.hash) OVER (" + window + "), 'hex') AS expected_prev,"
                + " encode(t.prev_hash, 'hex') AS found_prev,"
                + " encode(chain_hash(t.prev_hash, t), 'hex') AS expected_hash,"
                + " encode(t.hash, 'hex') AS found_hash"
                + " FROM " + table + " t" + (oneCustomer ? " WHERE t.customer_id = ?" : "");
    }
}
