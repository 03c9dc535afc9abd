package com.tierupgrade.integration.outbox;

import com.tierupgrade.db.Jdbc;

/** PostgreSQL advisory locks that let one instance of the service at a time do a job. */
public final class Locks {

    private Locks() {
    }

    /** Takes the lock until the current transaction ends; false at once when another transaction holds it. */
    public static boolean tryTransactionLock(Jdbc jdbc, long lock) {
        return jdbc.one("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), lock).orElse(false);
    }
}
