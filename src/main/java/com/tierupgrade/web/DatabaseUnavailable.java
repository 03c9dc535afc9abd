package com.tierupgrade.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing connections, or no
 * connection free in time) from any other failure: the first is the client's to retry later (503), the second is a
 * bug (500).
 */
public final class DatabaseUnavailable {

    /** Seconds a client is told to wait before retrying, in {@code Retry-After}. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String MESSAGE = "The database is unavailable; nothing was stored. Try again later.";

    /** SQLSTATEs of PostgreSQL that mean "not reachable now": admin/crash shutdown, cannot connect now, too many. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // Class 08: connection exceptions (refused, broken while in use).
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // The pool (Agroal) found no connection in time: the database is down or overloaded.
        String message = e.getMessage();
        // Agroal says "Sorry, acquisition timeout!".
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
