package com.tierupgrade.history.query;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of {@code GET /history}.
 *
 * @param after the id to pass as {@code after} for the next page; null on the last page
 * @param next the next page's path and query (the same filters, {@code after} set); null on the last page
 */
public record HistoryPage(List<HistoryRow> entries, @Schema(nullable = true) Long after,
        @Schema(nullable = true) String next) {
}
