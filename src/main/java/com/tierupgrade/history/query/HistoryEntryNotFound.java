package com.tierupgrade.history.query;

import com.tierupgrade.web.NotFound;

/** No history entry has this id. Answered as 404. */
public class HistoryEntryNotFound extends NotFound {

    public HistoryEntryNotFound(long id) {
        super("No history entry " + id);
    }
}
