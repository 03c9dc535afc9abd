package com.tierupgrade.audience;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many customers match, and one page of their ids in id order. {@code next} is the last id of a full page: pass
 * it as {@code after} for the following page; null on the last page.
 */
public record Preview(long count, List<String> customerIds, @Schema(nullable = true) String next, Instant asOf) {

    /** A preview request once it is valid. */
    record Request(AudienceQuery query, int limit, String after) {
    }
}
