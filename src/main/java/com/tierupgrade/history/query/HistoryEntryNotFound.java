package com.tierupgrade.history.query;

/** No history entry has this id. Answered as 404. */
public class HistoryEntryNotFound extends RuntimeException {

    public HistoryEntryNotFound(long id) {
        super("No history entry " + id);
    }
}
