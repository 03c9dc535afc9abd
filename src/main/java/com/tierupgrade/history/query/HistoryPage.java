package com.tierupgrade.history.query;

import java.util.List;

/**
 * One page of {@code GET /history}.
 *
 * @param after the id to pass as {@code after} for the next page; null on the last page
 * @param next the next page's path and query (the same filters, {@code after} set); null on the last page
 */
public record HistoryPage(List<HistoryRow> entries, Long after, String next) {
}
