package com.tierupgrade.publishing.draft;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule-set draft: every rule file and {@code scenarios/<name>.yaml} it would publish, who started and last saved
 * it, and its approval. {@code approved} is true only when the current revision is the approved one.
 */
public record Draft(long id, String title, String author, @Schema(nullable = true) String baseVersion, int revision,
        Instant createdAt, String savedBy, Instant savedAt, @Schema(nullable = true) String approvedBy,
        @Schema(nullable = true) Instant approvedAt, @Schema(nullable = true) Integer approvedRevision,
        boolean approved, @Schema(nullable = true) Long publicationId,
        @Schema(nullable = true, description = "absent in lists") Map<String, String> files) {

    public boolean published() {
        return publicationId != null;
    }

    Draft withoutFiles() {
        return new Draft(id, title, author, baseVersion, revision, createdAt, savedBy, savedAt, approvedBy, approvedAt,
                approvedRevision, approved, publicationId, null);
    }
}
