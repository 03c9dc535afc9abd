package com.tierupgrade.history.chain;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of GET /history/verify: whether every chain holds, how many rows were checked per table, what broke. */
public record Verification(boolean ok, @Schema(description = "rows checked, by table") Map<String, Long> checkedRows,
        @Schema(nullable = true) BrokenLink firstBroken) {
}
